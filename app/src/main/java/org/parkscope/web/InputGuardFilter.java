package org.parkscope.web;

import org.parkscope.shared.UserMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else sees it, a request whose address or parameters carry a NUL byte or another control
 * character (tab and line breaks are allowed in parameter values, for text areas): 400 with the parameter named.
 * Such values would otherwise reach PostgreSQL, which refuses NUL in text with an error of its own. Known parameters
 * are then held to their domain limits ({@link ParameterLimits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputGuardFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UserMessage problem = problem(request);
        if (problem != null) {
            request.setAttribute(ErrorReply.DETAIL, problem);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable UserMessage problem(HttpServletRequest request) {
        String path = decoded(request.getRequestURI());
        if (path == null || hasControl(path, false)) {
            return UserMessage.of("error.path.control");
        }
        String query = request.getQueryString();
        if (query != null && decoded(query.replace('+', ' ')) == null) {
            return UserMessage.of("error.param.encoding");
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return null; // uploads are read and checked by the import; parsing them here would bypass its limits
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (hasControl(e.getKey(), false)) {
                return UserMessage.of("error.param.control", "?");
            }
            for (String v : e.getValue()) {
                if (hasControl(v, true)) {
                    return UserMessage.of("error.param.control", e.getKey());
                }
            }
            var refused = ParameterLimits.check(e.getKey(), e.getValue());
            if (refused.isPresent()) {
                return ErrorReply.message(refused.get());
            }
        }
        return null;
    }

    private static @Nullable String decoded(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean hasControl(String s, boolean lineBreaksAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }
}
