package org.parkscope.importing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How resolved rows merge into their table on a natural key. A blank cell keeps the stored value; a new row takes the
 * column's default. Rows whose values are all unchanged are left alone, so importing the same data again changes
 * nothing. Rows that change are first copied, whole, into {@code import_change}. The key join is plain equality, which
 * the planner can hash or merge on and look up in the unique index ("is not distinct from" cannot); key columns are NOT
 * NULL in every table, and rows with an unresolved key never reach the merge.
 */
record Merge(String table, String entity, List<String> keys, List<Col> values) {

    record Col(String name, String insertDefault) {}

    static Col col(String name) {
        return new Col(name, null);
    }

    static Col col(String name, String insertDefault) {
        return new Col(name, insertDefault);
    }

    private String changed() {
        String current = values.stream().map(c -> "t." + c.name()).collect(Collectors.joining(", "));
        String incoming = values.stream().map(c -> "coalesce(r." + c.name() + ", t." + c.name() + ")")
                .collect(Collectors.joining(", "));
        return "(" + current + ") is distinct from (" + incoming + ")";
    }

    /**
     * The resolved rows {@code r}: the kind's resolving query, each row with the id of the stored row it updates
     * ({@code target_id}, null for a new row), found by one join on the natural key, so that the merge statements below
     * find their rows by id. (A lookup per row in the key's index was tried instead: at 1 000 000 rows it took twice as
     * long as the planner's hash join, even against a table of 1 000 000 rows.) The stored rows joined are first held to
     * the key values the file has, column by column — a condition every match meets anyway — so that the table is read
     * through its indexes rather than whole: a file of new periods then reads nothing of a table of millions of rows.
     */
    String resolveSql(String resolve) {
        return "with x as materialized (" + resolve + ") select x.*, t.id as target_id from x left join " + table
                + " t on " + keys.stream().map(k -> "t." + k + " = x." + k).collect(Collectors.joining(" and "))
                + keys.stream().map(k -> " and t." + k + " = any(array(select distinct " + k + " from x))")
                        .collect(Collectors.joining());
    }

    /** Before-images of the rows this batch is about to change. */
    String recordChangesSql() {
        return "insert into import_change(batch_id, entity, row_id, before) select :batch, '" + entity + "', t.id,"
                + " to_jsonb(t) from " + table + " t join r on t.id = r.target_id where r.target_id is not null and "
                + changed();
    }

    /** One set-based update of the stored rows whose values change. */
    String updateSql() {
        String sets = values.stream().map(c -> c.name() + " = coalesce(r." + c.name() + ", t." + c.name() + ")")
                .collect(Collectors.joining(", "));
        return "update " + table + " t set " + sets + ", import_batch_id = :batch from r where t.id = r.target_id"
                + " and r.target_id is not null and " + changed();
    }

    /** The new rows as the table takes them, in {@link #insertColumns()} order (copied out, then copied in). */
    String newRowsSql() {
        String vals = keys.stream().map(k -> "r." + k).collect(Collectors.joining(", ")) + ", "
                + values.stream().map(c -> c.insertDefault() == null ? "r." + c.name()
                        : "coalesce(r." + c.name() + ", " + c.insertDefault() + ")").collect(Collectors.joining(", "))
                + ", :batch";
        return "select " + vals + " from r where r.target_id is null";
    }

    /** The table and the columns a new row fills, for its COPY. */
    String insertColumns() {
        return table + " (" + String.join(", ", keys) + ", "
                + values.stream().map(Col::name).collect(Collectors.joining(", ")) + ", import_batch_id)";
    }

    /** Rows of the file (those meeting {@code where}) with the same key as an earlier row, with the first such row. */
    String duplicatesSql(String where) {
        String k = String.join(", ", keys);
        return "select row_no, first_row from (select row_no, row_number() over w as n, first_value(row_no) over w"
                + " as first_row from r where (" + where + ") and " + keys.stream().filter(x -> !x.equals("valid_from"))
                .map(x -> x + " is not null").collect(Collectors.joining(" and "))
                + " window w as (partition by " + k + " order by row_no)) d where n > 1";
    }
}
