package org.parkscope.core.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a bundled CSV without the production splitter, so tests compare against the raw file. */
final class ResourceLines {

    private ResourceLines() {
    }

    /** Non-blank data lines (header dropped), with any trailing CR removed. */
    static List<String> dataLines(String resource) throws IOException {
        try (InputStream in = ResourceLines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(l -> l.replace("\r", ""))
                    .filter(l -> !l.isBlank())
                    .toList();
            return lines.subList(1, lines.size());
        }
    }
}
