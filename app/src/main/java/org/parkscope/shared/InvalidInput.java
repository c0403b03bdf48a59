package org.parkscope.shared;

import java.util.List;
import org.parkscope.core.validate.Violation;

/**
 * User input refused before anything was stored: each field with what is wrong with it. Answered 400 with the
 * messages in the user's language ({@code field.*} names the field, {@code limit.*} says what is wrong).
 */
public class InvalidInput extends RuntimeException {

    /** One refused field: its message key suffix ({@code field.<name>}) and the limit it breaks. */
    public record Field(String name, Violation violation) {}

    private final List<Field> fields;

    public InvalidInput(List<Field> fields) {
        super(fields.stream().map(f -> f.name() + ": " + f.violation().code()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }
}
