package org.parkscope.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Which requests are calls of the JSON API (answered with status codes and problem details, never pages). */
public final class ApiRequests {

    private ApiRequests() {}

    /** Whether the request (or, on an error dispatch, the request that failed) is a JSON API call. */
    public static boolean isApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/");
    }
}
