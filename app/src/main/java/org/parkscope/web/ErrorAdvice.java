package org.parkscope.web;

import org.parkscope.shared.UserMessage;
import org.parkscope.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.ApiRequests;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Bad input and missing resources, answered once for the whole application through {@link ErrorReply}: 400 with
 * what is wrong in the user's language (404 for a malformed id in a page's address, which names no page). Never a
 * stack trace, never a database message.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final int SHOWN = 40;
    private final ErrorReply reply;

    ErrorAdvice(ErrorReply reply) {
        this.reply = reply;
    }

    /**
     * A refused action: on a page, its message as a flash message on the page the action goes back to ({@link
     * OnRefusal}, else the same-site page the form was on); under {@code /api/}, or with nowhere to go back to, 400
     * (404 for something not found) with the message.
     */
    @ExceptionHandler(Refusal.class)
    Object refused(Refusal e, HttpServletRequest request, @Nullable HandlerMethod handler) {
        if (e.kind() == Refusal.Kind.NOT_FOUND) {
            return reply.respond(request, HttpStatus.NOT_FOUND, List.of());
        }
        String back = ApiRequests.isApi(request) ? null : RefusalTarget.of(request, handler);
        if (back == null) {
            List<UserMessage> lines = new ArrayList<>(List.of(e.userMessage()));
            lines.addAll(e.details());
            return reply.respond(request, HttpStatus.BAD_REQUEST, lines);
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", e.text());
        return new ModelAndView(new RedirectView(back, false));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badArgument(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        if (inPath && !ApiRequests.isApi(request)) {
            return reply.respond(request, HttpStatus.NOT_FOUND, List.of());
        }
        return malformed(request, e.getName(), e.getValue());
    }

    @ExceptionHandler(ConversionFailedException.class)
    Object badConversion(ConversionFailedException e, HttpServletRequest request) {
        return malformed(request, "?", e.getValue());
    }

    @ExceptionHandler(BindException.class)
    Object badForm(BindException e, HttpServletRequest request) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, e.getFieldErrors().stream()
                .map(f -> UserMessage.of("error.param.malformed", f.getField(), shown(f.getRejectedValue())))
                .toList());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, UserMessage.of("error.param.missing",
                e.getParameterName()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HandlerMethodValidationException.class})
    Object unreadable(HttpServletRequest request) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, UserMessage.of("error.body"));
    }

    @ExceptionHandler(InvalidInput.class)
    Object invalid(InvalidInput e, HttpServletRequest request) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, e.fields().stream().map(ErrorReply::message).toList());
    }

    /** A value the checks let through but the database refused (too long, out of range, a duplicate): nothing stored. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Object refusedByDatabase(HttpServletRequest request) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, UserMessage.of("error.data.rejected"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return reply.respond(request, HttpStatus.PAYLOAD_TOO_LARGE, UserMessage.of("error.upload.tooLarge"));
    }

    @ExceptionHandler(MultipartException.class)
    Object badUpload(HttpServletRequest request) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, UserMessage.of("error.upload.malformed"));
    }

    private Object malformed(HttpServletRequest request, String name, Object value) {
        return reply.respond(request, HttpStatus.BAD_REQUEST, UserMessage.of("error.param.malformed", name,
                shown(value)));
    }

    /** A refused value as shown back: at most 40 characters, control characters made visible. */
    private static String shown(Object value) {
        String s = value == null || ValueConstants.DEFAULT_NONE.equals(value) ? "" : String.valueOf(value);
        if (value instanceof String[] array) {
            s = String.join(",", array);
        }
        s = s.codePoints().map(c -> Character.isISOControl(c) ? '\uFFFD' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s;
    }
}
