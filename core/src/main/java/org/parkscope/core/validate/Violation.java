package org.parkscope.core.validate;

import java.util.List;
import java.util.Objects;

/**
 * A value outside its limit. {@code code} is a stable message key ({@code limit.text.length}, {@code limit.number.max}
 * …) whose Chinese and English texts live with the caller's messages; {@code args} fill its placeholders, after the
 * field name the caller puts first.
 */
public record Violation(String code, List<Object> args) {

    public Violation {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    static Violation of(String code, Object... args) {
        return new Violation(code, List.of(args));
    }
}
