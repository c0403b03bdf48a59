package org.parkscope.importing;

import org.parkscope.core.code.Severity;

/**
 * A check over the whole file, run in SQL against the resolved rows {@code r}: each row it returns (row number and
 * the offending value) becomes a problem on that row and column, worded by the message key {@code message}.
 */
record Check(String field, Severity severity, String message, String sql) {

    static Check error(String field, String message, String sql) {
        return new Check(field, Severity.ERROR, message, sql);
    }

    static Check warning(String field, String message, String sql) {
        return new Check(field, Severity.WARNING, message, sql);
    }
}
