package org.parkscope.core.code;

/**
 * How hard a validation finding blocks the data. An {@link #ERROR} means the value must not be stored as is; a
 * {@link #WARNING} may be kept, typically only with a recorded reason (for example a historical code whose check
 * character never verified).
 */
public enum Severity {
    ERROR,
    WARNING
}
