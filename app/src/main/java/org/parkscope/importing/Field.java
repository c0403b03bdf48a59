package org.parkscope.importing;

import java.util.List;

/**
 * A column an import understands: its key (the staging column), how it is read, whether a row needs it, and the header
 * labels that name it — the Chinese label of the template first, then variants users write, then English.
 */
public record Field(String key, FieldType type, boolean required, List<String> labels) {

    public static Field of(String key, FieldType type, boolean required, String... labels) {
        return new Field(key, type, required, List.of(labels));
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
