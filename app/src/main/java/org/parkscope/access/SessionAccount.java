package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Puts an account into the session as its principal, without its password hash. Used after sign-in and after a
 * password change, so that the session never holds a hash and holds the account's current security stamp.
 */
final class SessionAccount {

    private static final HttpSessionSecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private SessionAccount() {}

    static void store(Account account, HttpServletRequest request, HttpServletResponse response) {
        REPOSITORY.saveContext(use(account), request, response);
    }

    /** Signs the account in for the current request only, without its password hash. */
    static SecurityContext use(Account account) {
        Account clean = account.withoutPassword();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(clean, null, clean.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return context;
    }
}
