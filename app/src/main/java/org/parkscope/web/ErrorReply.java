package org.parkscope.web;

import org.parkscope.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.parkscope.shared.ApiRequests;
import org.parkscope.shared.UserMessage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way an error is answered: RFC 9457 problem details under {@code /api/}, the {@code error/page} template in
 * the platform's layout elsewhere; title and details in the user's language, never a stack trace or database text.
 */
@Component
public class ErrorReply {

    /** A request attribute with the message key (and arguments) of an error raised before Spring MVC saw the request. */
    public static final String DETAIL = ErrorReply.class.getName() + ".detail";

    public Object respond(HttpServletRequest request, HttpStatusCode status, List<UserMessage> details) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = UserMessage.of("error.title." + known(status.value())).text(locale);
        List<String> lines = details.isEmpty() ? List.of(UserMessage.of("error.detail." + known(status.value())).text(locale))
                : details.stream().map(m -> m.text(locale)).toList();
        if (ApiRequests.isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", lines));
            problem.setTitle(title);
            return ResponseEntity.status(status).header("Content-Language", locale.toLanguageTag()).body(problem);
        }
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(HttpStatus.valueOf(status.value()));
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("details", lines);
        return page;
    }

    public Object respond(HttpServletRequest request, HttpStatusCode status, UserMessage detail) {
        return respond(request, status, List.of(detail));
    }

    /** A refused field as a message: the limit's text, the field's name first. */
    public static UserMessage message(InvalidInput.Field f) {
        Object[] args = new Object[f.violation().args().size() + 1];
        args[0] = UserMessage.of("field." + f.name());
        for (int i = 0; i < f.violation().args().size(); i++) {
            args[i + 1] = f.violation().args().get(i);
        }
        return UserMessage.of(f.violation().code(), args);
    }

    private static int known(int status) {
        return List.of(400, 403, 404, 405, 413, 415, 500).contains(status) ? status : status < 500 ? 400 : 500;
    }
}
