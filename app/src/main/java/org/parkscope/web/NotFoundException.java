package org.parkscope.web;

/** A page or resource that does not exist, or that the current scope may not see (both answer 404). */
public class NotFoundException extends RuntimeException {

    private NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " not found / 未找到");
    }
}
