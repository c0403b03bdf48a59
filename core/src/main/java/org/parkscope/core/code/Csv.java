package org.parkscope.core.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180-style reader for the reference tables bundled with core. The bundled files happen to contain no
 * quoted fields and some use CRLF line ends; the reader still honours double quotes (including doubled quotes and
 * commas inside quotes) so that a refreshed table with quoted names loads correctly. Quoted line breaks are not
 * supported because no reference table needs them. {@link #split} is also the line splitter of the small CSV files the
 * platform reads outside the importer (the 补链 pool).
 */
public final class Csv {

    private Csv() {
    }

    /** Reads a classpath resource as UTF-8 and returns its data rows, without the header row. */
    static List<List<String>> readResource(String name) {
        InputStream in = Csv.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing reference table on the classpath: " + name);
        }
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (header) {
                    header = false;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                rows.add(split(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        return rows;
    }

    /**
     * Splits one line into fields, trimming a trailing CR, a UTF-8 BOM and surrounding quotes.
     *
     * @throws IllegalArgumentException for a quote left open at the end of the line
     */
    public static List<String> split(String line) {
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unterminated quote in CSV line: " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
