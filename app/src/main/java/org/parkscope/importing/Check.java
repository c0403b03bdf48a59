package org.parkscope.importing;

import org.parkscope.core.code.Severity;

/**
 * A check over the whole file, run in SQL against the resolved rows {@code r}: each row it returns (row number and
 * the offending value) becomes a problem on that row and column.
 */
record Check(String field, Severity severity, String messageZh, String messageEn, String sql) {

    static Check error(String field, String zh, String en, String sql) {
        return new Check(field, Severity.ERROR, zh, en, sql);
    }

    static Check warning(String field, String zh, String en, String sql) {
        return new Check(field, Severity.WARNING, zh, en, sql);
    }
}
