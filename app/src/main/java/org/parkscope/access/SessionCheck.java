package org.parkscope.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.parkscope.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in session against the account's state now, on every request (one primary-key read). A session of
 * a disabled or deleted account, or one signed in before the account's role or password changed (its security stamp),
 * ends at once: the request goes on unauthenticated, so a page sends the browser to sign in and the API answers 401.
 * Otherwise the request sees the account as it is now (for instance whether its password must still be changed).
 * Static files are served without the check: they are public and carry nothing of the account.
 */
class SessionCheck extends OncePerRequestFilter {

    private final AccountStore accounts;
    private final AuditLog audit;

    SessionCheck(AccountStore accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!SecurityConfig.hasBearer(request) && !SecurityConfig.isAsset(request) && auth != null
                && auth.getPrincipal() instanceof Account held) {
            Optional<Account> now = accounts.findById(held.id());
            if (now.isPresent() && held.sameSessionAs(now.get())) {
                SessionAccount.use(now.get());
            } else {
                end(request, held, now);
            }
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request, Account held, Optional<Account> now) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        String reason = now.isEmpty() ? "deleted" : !now.get().enabled() ? "disabled"
                : now.get().role() != held.role() ? "role changed" : "password changed";
        audit.recordAs(held.username(), "SESSION_ENDED", "session", held.id(), null, null, null, Map.of("reason", reason));
    }
}
