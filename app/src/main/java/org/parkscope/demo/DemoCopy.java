package org.parkscope.demo;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table sent through {@code COPY … FROM STDIN (FORMAT csv)} on the transaction's connection, in chunks
 * of a few megabytes, so that a city's millions of rows never sit in memory at once. Values: {@code null} is NULL,
 * text is quoted, {@code String[]} becomes a PostgreSQL array, numbers, dates and booleans their plain text.
 */
final class DemoCopy {

    private static final int CHUNK = 4 << 20;
    private final JdbcTemplate jdbc;
    private final String sql;
    private final StringBuilder csv = new StringBuilder(CHUNK + (64 << 10));
    private long rows;

    DemoCopy(JdbcTemplate jdbc, String table, String columns) {
        this.jdbc = jdbc;
        this.sql = "copy " + table + "(" + columns + ") from stdin with (format csv)";
    }

    DemoCopy add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            append(values[i]);
        }
        csv.append('\n');
        rows++;
        if (csv.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    /** Sends what is left; returns the number of rows sent in all. */
    long finish() {
        flush();
        return rows;
    }

    private void append(Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            quote(s);
        } else if (v instanceof String[] array) {
            StringBuilder a = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                a.append(i > 0 ? "," : "").append('"')
                        .append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            quote(a.append('}').toString());
        } else if (v instanceof BigDecimal d) {
            csv.append(d.toPlainString());
        } else if (v instanceof Boolean b) {
            csv.append(b ? 't' : 'f');
        } else {
            csv.append(v);
        }
    }

    private void quote(String s) {
        csv.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    private void flush() {
        if (csv.isEmpty()) {
            return;
        }
        String chunk = csv.toString();
        csv.setLength(0);
        jdbc.execute((Connection c) -> {
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(chunk));
            } catch (IOException ex) {
                throw new SQLException(ex);
            }
            return null;
        });
    }
}
