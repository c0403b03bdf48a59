package org.parkscope.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkscope.shared.ApiRequests;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account whose one-time password is not yet changed reaches nothing but the change itself: pages redirect to
 * the account page, the API (by session or token) answers 403 with a message, tokens are not issued. Only the account
 * page, the password change, sign-in and sign-out, and static assets pass.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    private static final List<String> OPEN = List.of("GET /account", "POST /account/password", "POST /logout",
            "GET /login", "POST /login");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final LocaleResolver locales;

    PasswordChangeGate(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Account a) || !a.mustChangePassword() || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (SecurityConfig.hasBearer(request) || ApiRequests.isApi(request)) {
            String detail = messages.getMessage("account.mustChange.api", null, locales.resolveLocale(request));
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("status", HttpStatus.FORBIDDEN.value());
            problem.put("code", "password-change-required");
            problem.put("detail", detail);
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8");
            response.getWriter().write(JSON.writeValueAsString(problem));
            return;
        }
        response.sendRedirect(request.getContextPath() + "/account?change");
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN.contains(request.getMethod() + " " + path) || SecurityConfig.isAsset(request)
                || path.startsWith("/error");
    }
}
