package org.parkscope.importing;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.validate.Limits;

/**
 * A column an import understands: its key (the staging column), how it is read, whether a row needs it, and the header
 * labels that name it — the Chinese label of the template first, then variants users write, then English; numbers carry
 * the range of values the column takes (the largest from {@link Limits}).
 */
public record Field(String key, FieldType type, boolean required, List<String> labels, @Nullable BigDecimal min,
        @Nullable BigDecimal max) {

    public static Field of(String key, FieldType type, boolean required, String... labels) {
        BigDecimal max = switch (type) {
            case AREA -> Limits.MAX_AREA_M2;
            case INTEGER -> Limits.MAX_WHOLE;
            case DECIMAL, MONEY -> Limits.MAX_FIGURE;
            default -> null;
        };
        return new Field(key, type, required, List.of(labels), null, max);
    }

    /** The same column taking values from {@code smallest} to {@code largest} only. */
    public Field range(BigDecimal smallest, BigDecimal largest) {
        return new Field(key, type, required, labels, smallest, largest);
    }

    /** The label used in templates and reports. */
    public String label() {
        return labels.get(0);
    }

    /** The English label (the last one). */
    public String labelEn() {
        return labels.get(labels.size() - 1);
    }
}
