package org.parkscope.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a page's action goes back to when it is refused: a path, with the action's path variables in braces
 * ({@code "/evaluations/{id}"}). The refusal's message is shown there as a flash message. Without it the user goes back
 * to the page the form was on (the same-site {@code Referer}), or sees the error page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnRefusal {
    String value();
}
