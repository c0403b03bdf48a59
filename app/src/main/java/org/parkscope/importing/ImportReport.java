package org.parkscope.importing;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

    public String summaryZh() {
        return switch (status) {
            case COMMITTED -> "已导入第 " + batchId + " 批：新增 " + inserted + "，更新 " + updated + "，未变 " + unchanged
                    + "，警告 " + warnings + "。";
            case REJECTED -> "未导入：发现 " + errors + " 个错误、" + warnings + " 个警告，数据库未做任何修改。请在返回的文件中修改后重新上传。";
            case UNCHANGED -> "该文件已于第 " + previousBatchId + " 批导入，本次未做任何修改。";
            case VALID -> "试导入通过：将新增 " + inserted + "，更新 " + updated + "，未变 " + unchanged + "，警告 " + warnings
                    + "。数据库未做修改。";
        };
    }

    public String summaryEn() {
        return switch (status) {
            case COMMITTED -> "Imported as batch " + batchId + ": " + inserted + " new, " + updated + " updated, "
                    + unchanged + " unchanged, " + warnings + " warnings.";
            case REJECTED -> "Not imported: " + errors + " errors and " + warnings
                    + " warnings; nothing in the database changed. Fix the returned file and upload it again.";
            case UNCHANGED -> "This file was imported before as batch " + previousBatchId + "; nothing changed.";
            case VALID -> "Trial run passed: " + inserted + " new, " + updated + " updated, " + unchanged
                    + " unchanged, " + warnings + " warnings. Nothing was stored.";
        };
    }
}
