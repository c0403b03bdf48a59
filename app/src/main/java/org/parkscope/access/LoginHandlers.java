package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.parkscope.audit.AuditLog;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/** Sign-in and sign-out: count failures (and lock after too many), audit each, send the user where they belong. */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private final AccountStore accounts;
    private final AuditLog audit;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    LoginHandlers(AccountStore accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        accounts.recordSuccess(auth.getName());
        audit.recordAs(auth.getName(), "LOGIN", "session", null, null, null, null, null);
        Account account = (Account) auth.getPrincipal();
        SessionAccount.store(account, request, response);
        SavedRequest saved = requests.getRequest(request, response);
        String target = account.mustChangePassword() ? "/account?change" : saved != null ? saved.getRedirectUrl() : "/";
        response.sendRedirect(target.startsWith("http") ? target : request.getContextPath() + target);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        boolean lockedNow = false;
        if (username != null && !(exception instanceof LockedException)) {
            lockedNow = accounts.recordFailure(username);
        }
        audit.recordAs(username == null ? "?" : username, lockedNow ? "LOCKED" : "LOGIN_FAILED", "session", null, null,
                null, null, Map.of("reason", exception.getClass().getSimpleName()));
        boolean locked = lockedNow || exception instanceof LockedException;
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (auth != null) {
            audit.recordAs(auth.getName(), "LOGOUT", "session", null, null, null, null, null);
        }
    }
}
