package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.parkscope.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Sign-in and sign-out: count failures for the {@link SignInThrottle}, audit each, send the user where they belong.
 * Every failure — unknown name, wrong password, disabled account — gets the same answer.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    LoginHandlers(AuditLog audit, SignInThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        throttle.succeeded(SignInThrottle.source(request));
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
        String actor = username == null ? "?" : username;
        SignInThrottle.Failure failure = throttle.failed(SignInThrottle.source(request), username);
        audit.recordAs(actor, "LOGIN_FAILED", "session", null, null, null, null,
                Map.of("reason", exception.getClass().getSimpleName()));
        if (failure.throttlingStarted()) {
            audit.recordAs(actor, "LOGIN_THROTTLED", "session", null, null, null, null,
                    Map.of("source", SignInThrottle.source(request), "waitSeconds", failure.waitSeconds()));
        }
        String wait = failure.waitSeconds() > 0 ? "&wait=" + failure.waitSeconds() : "";
        response.sendRedirect(request.getContextPath() + "/login?error" + wait);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (auth != null) {
            audit.recordAs(auth.getName(), "LOGOUT", "session", null, null, null, null, null);
        }
    }
}
