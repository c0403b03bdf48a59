package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A signed-in user denied an address: 403 when the address exists (a page the role may not open), 404 when nothing
 * is mapped there (the security rules deny every unlisted address, but an unknown address is not a forbidden one).
 * Both are rendered by the platform's error page.
 */
@Component
class DeniedHandler implements AccessDeniedHandler {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    DeniedHandler(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.sendError(mapped(request) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
    }

    private boolean mapped(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return mappings.getObject().getHandler(request) != null;
        } catch (Exception e) {
            return true; // mapped, but not for this method or media type
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
        }
    }
}
