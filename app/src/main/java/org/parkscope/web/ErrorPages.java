package org.parkscope.web;

import org.parkscope.shared.UserMessage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside the controllers (unknown addresses, access denied, requests refused by a filter, anything
 * unexpected) in the platform's layout and the user's language, instead of Boot's Whitelabel page.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ErrorReply reply;

    ErrorPages(ErrorReply reply) {
        this.reply = reply;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer i && i >= 400 ? i
                : HttpStatus.INTERNAL_SERVER_ERROR.value());
        Object detail = request.getAttribute(ErrorReply.DETAIL);
        return reply.respond(request, status, detail instanceof UserMessage m ? List.of(m) : List.of());
    }
}
