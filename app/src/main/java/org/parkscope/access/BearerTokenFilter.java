package org.parkscope.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a script or the CLI by its API token ({@code Authorization: Bearer psk_...}) for one request. */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccountStore accounts;

    BearerTokenFilter(AccountStore accounts) {
        this.accounts = accounts;
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
                response.getWriter().write("{\"status\":401,\"detail\":\"令牌无效或已吊销 / invalid or revoked token\"}");
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
