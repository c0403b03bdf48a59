package org.parkscope.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Missing resources and malformed arguments, answered once for the whole application: RFC 9457 problem details in
 * Chinese and English under {@code /api/}, the error page elsewhere. Never a stack trace.
 */
@ControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badArgument(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String detail = "参数 " + e.getName() + " 格式不正确 / parameter " + e.getName() + " is malformed";
        // On pages a malformed id names no page: 404, like any other address that does not exist.
        return respond(request, isApi(request) ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND, detail);
    }

    @ExceptionHandler(org.parkscope.importing.ImportException.class)
    Object importProblem(org.parkscope.importing.ImportException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE,
                "文件超过上传上限（100 MB）/ the file exceeds the upload limit (100 MB)");
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String detail) {
        if (isApi(request)) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
        }
        ModelAndView page = new ModelAndView(status == HttpStatus.NOT_FOUND ? "error/404" : "error/400");
        page.setStatus(status);
        return page;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
