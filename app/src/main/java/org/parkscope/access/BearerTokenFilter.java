package org.parkscope.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.parkscope.shared.UserMessage;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Signs in a script or the CLI by its API token ({@code Authorization: Bearer psk_...}) for one request. */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AccountStore accounts;
    private final LocaleResolver locales;

    BearerTokenFilter(AccountStore accounts, LocaleResolver locales) {
        this.accounts = accounts;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityConfig.hasBearer(request)) {
            String token = request.getHeader("Authorization").substring("Bearer ".length()).trim();
            Optional<Account> account = accounts.findByToken(token);
            if (account.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write(JSON.writeValueAsString(Map.of("status", 401,
                        "detail", UserMessage.of("account.token.invalid").text(locales.resolveLocale(request)))));
                return;
            }
            SessionAccount.use(account.get());
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
