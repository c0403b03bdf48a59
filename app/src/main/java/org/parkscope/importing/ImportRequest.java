package org.parkscope.importing;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file to import.
 *
 * @param file     where the uploaded bytes are
 * @param fileName the name the user gave it (shown in reports and the batch list)
 * @param actor    who imports it (for the batch and the audit trail)
 */
public record ImportRequest(ImportKind kind, Path file, String fileName, String actor, Options options) {

    /**
     * @param department source department for rows that name none (TAX, STATS, POWER, LAND, ENV …)
     * @param period     period for figure rows that name none (2023 or 2023-05)
     * @param dryRun     check and count only; store nothing
     */
    public record Options(@Nullable String department, @Nullable String period, boolean dryRun) {
        public static Options defaults() {
            return new Options(null, null, false);
        }
    }
}
