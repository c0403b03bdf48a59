package org.parkscope.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.parkscope.core.code.Severity;
import org.parkscope.shared.UserMessage;

/**
 * The checks over the whole file, run in SQL on the resolved rows {@code r}: the kind's own checks, and rows that repeat
 * an earlier row's key. Each finding is a problem on its row.
 */
final class FileChecks {

    private FileChecks() {}

    /** Runs the kind's checks; then, if a row may repeat another's key, looks for such rows. */
    static void run(Connection c, ImportKind kind, List<ImportProblem> problems, int[] counts) throws SQLException {
        for (Check check : kind.checks()) {
            String label = null;
            for (Field f : kind.fields()) {
                if (f.key().equals(check.field())) {
                    label = f.label();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(check.sql()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(2);
                    UserMessage message = UserMessage.of(check.message());
                    StagingReader.add(problems, counts, new ImportProblem(rs.getInt(1), -1, label, value,
                            check.severity(), "check." + check.field(), value == null ? message
                                    : UserMessage.of("import.problem.value", message, value)));
                }
            }
        }
        // Rows repeating an earlier row's key: the whole-file search sorts every row, so it runs only on rows that update
        // the same stored row, or when the batch is refused anyway; two new rows with one key meet in the table's
        // unique index during the merge, and then the search runs and the batch is refused with them.
        if (counts[0] > 0 || exists(c, kind.merge().duplicatesSql("r.target_id is not null"))) {
            duplicates(c, kind, problems, counts);
        }
    }

    /** Reports the rows of the file that repeat an earlier row's key. */
    static void duplicates(Connection c, ImportKind kind, List<ImportProblem> problems, int[] counts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(kind.merge().duplicatesSql("true"));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StagingReader.add(problems, counts, new ImportProblem(rs.getInt(1), -1, null, null, Severity.ERROR, "row.duplicate",
                        UserMessage.of("row.duplicate", String.valueOf(rs.getInt(2)), keyLabel(kind))));
            }
        }
    }

    private static boolean exists(Connection c, String query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (" + query + ")");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** What makes two rows of a kind the same row: a key of several columns has a name of its own. */
    private static UserMessage keyLabel(ImportKind kind) {
        return switch (kind) {
            case INDICATORS, QUALIFICATIONS, OCCUPANCY -> UserMessage.of("import.key." + kind.name());
            default -> UserMessage.bilingual(kind.fields().get(0).label(), kind.fields().get(0).labelEn());
        };
    }
}
