package org.parkscope.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.OnRefusal;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** Where a refused page action sends the user back to, with the refusal as a flash message. */
final class RefusalTarget {

    private RefusalTarget() {}

    /**
     * The handler's {@link OnRefusal} path with the action's path variables filled in; else, for a form sent from a
     * page of this site, that page; else {@code null} (the error page answers).
     */
    static @Nullable String of(HttpServletRequest request, @Nullable HandlerMethod handler) {
        OnRefusal on = handler == null ? null : handler.getMethodAnnotation(OnRefusal.class);
        if (on != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> vars = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            return request.getContextPath() + UriComponentsBuilder.fromPath(on.value())
                    .buildAndExpand(vars == null ? Map.of() : vars).encode().toUriString();
        }
        return HttpMethod.GET.matches(request.getMethod()) ? null : sameSite(request, request.getHeader("Referer"));
    }

    private static @Nullable String sameSite(HttpServletRequest request, @Nullable String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            boolean local = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            if (!local || path == null || !path.startsWith(request.getContextPath() + "/")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
