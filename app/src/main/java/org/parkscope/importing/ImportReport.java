package org.parkscope.importing;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.UserMessage;

/**
 * What an import did, or would have done: its outcome, counts, and every problem (the first {@link #MAX_LISTED}
 * listed; the counts cover all).
 */
public record ImportReport(Status status, ImportKind kind, String fileName, @Nullable String sheet,
        @Nullable Long batchId, @Nullable Long previousBatchId, int headerRow, int rowsRead, int rowsStaged,
        int inserted, int updated, int unchanged, int errors, int warnings, List<ImportProblem> problems,
        long millis) {

    public static final int MAX_LISTED = 10_000;

    public enum Status {
        /** Stored: the batch is committed. */
        COMMITTED,
        /** Errors: nothing was stored. */
        REJECTED,
        /** The same file was imported before: nothing changed. */
        UNCHANGED,
        /** A trial run without errors: nothing was stored. */
        VALID
    }

    public boolean ok() {
        return status != Status.REJECTED;
    }

    /** What happened, as one sentence for the reader's language. */
    public UserMessage summary() {
        return switch (status) {
            case COMMITTED -> UserMessage.of("import.summary.COMMITTED", String.valueOf(batchId), n(inserted), n(updated),
                    n(unchanged), n(warnings));
            case REJECTED -> UserMessage.of("import.summary.REJECTED", n(errors), n(warnings));
            case UNCHANGED -> UserMessage.of("import.summary.UNCHANGED", String.valueOf(previousBatchId));
            case VALID -> UserMessage.of("import.summary.VALID", n(inserted), n(updated), n(unchanged), n(warnings));
        };
    }

    /** Counts as they were always written here: digits, no grouping. */
    private static String n(int count) {
        return Integer.toString(count);
    }
}
