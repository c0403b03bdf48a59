package org.parkscope.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a sign-in that {@link SignInThrottle} says must wait at once, without checking the password: back to the
 * sign-in page, which says how many seconds are left. Unknown and known names are answered alike.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = throttle.secondsToWait(SignInThrottle.source(request), request.getParameter("username"));
        if (wait > 0) {
            response.sendRedirect(request.getContextPath() + "/login?wait=" + wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
