package org.parkscope.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parkscope.core.validate.Limits;

/**
 * A CSV file in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030, detected from its bytes; comma, tab or
 * semicolon separated (judged from the first line); quoted fields with embedded separators, quotes and line breaks.
 */
final class CsvSource implements RowSource {

    static final Charset GB18030 = Charset.forName("GB18030");
    private final Path file;
    private final String name;
    private final Charset charset;
    private final int bomLength;

    CsvSource(Path file, String name) throws IOException {
        this.file = file;
        this.name = name;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else {
            charset = isUtf8(head) ? StandardCharsets.UTF_8 : GB18030;
            bomLength = 0;
        }
    }

    Charset charset() {
        return charset;
    }

    boolean hasBom() {
        return bomLength > 0;
    }

    /** Strict UTF-8 over the first 64 KB; a sequence cut by the end of the sample does not count against it. */
    static boolean isUtf8(byte[] head) {
        int end = head.length;
        // step back over a possibly truncated multi-byte sequence at the end of the sample
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public String sheetName() {
        return name;
    }

    @Override
    public void read(RowConsumer consumer) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bomLength);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            parse(reader, separator(firstLine(reader)), consumer);
        }
    }

    /** The start of the first line (at most 64 K characters, enough to judge the separator); the reader is reset. */
    private static String firstLine(BufferedReader reader) throws IOException {
        int limit = 1 << 16;
        reader.mark(limit);
        StringBuilder sb = new StringBuilder();
        int c;
        while (sb.length() < limit - 1 && (c = reader.read()) != -1 && c != '\n' && c != '\r') {
            sb.append((char) c);
        }
        reader.reset();
        return sb.toString();
    }

    static char separator(String firstLine) {
        if (firstLine == null) {
            return ',';
        }
        int commas = 0, tabs = 0, semis = 0;
        for (int i = 0; i < firstLine.length(); i++) {
            switch (firstLine.charAt(i)) {
                case ',' -> commas++;
                case '\t' -> tabs++;
                case ';' -> semis++;
                default -> { }
            }
        }
        return tabs > commas && tabs >= semis ? '\t' : semis > commas ? ';' : ',';
    }

    static void parse(BufferedReader reader, char sep, RowConsumer consumer) throws IOException {
        Chars in = new Chars(reader);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int rowNo = 1;
        int rowChars = 0;
        int c;
        boolean any = false;
        while ((c = in.next()) != -1) {
            any = true;
            char ch = (char) c;
            if (++rowChars > Limits.MAX_LINE_CHARS) {
                ImportMessages.enforce(Limits.checkLine(rowChars), rowNo, cells.size(), Limits.MAX_LINE_CHARS);
            }
            if (quoted) {
                if (ch == '"') {
                    if (in.peek() == '"') {
                        in.next();
                        cell.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == sep) {
                ImportMessages.enforce(Limits.checkColumns(cells.size() + 1), rowNo, -1, Limits.MAX_COLUMNS);
                cells.add(cellText(cell, wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && in.peek() == '\n') {
                    in.next();
                }
                cells.add(cellText(cell, wasQuoted));
                consumer.row(rowNo, cells);
                ImportMessages.enforce(Limits.checkRows(rowNo), rowNo, -1, Limits.MAX_ROWS);
                rowNo++;
                rowChars = 0;
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (any || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cellText(cell, wasQuoted));
            consumer.row(rowNo, cells);
        }
    }

    /** Characters taken from the reader a buffer at a time (not one synchronised call each), with one of look-ahead. */
    private static final class Chars {
        private final BufferedReader reader;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int end;

        Chars(BufferedReader reader) {
            this.reader = reader;
        }

        int next() throws IOException {
            return pos < end || fill() ? buf[pos++] : -1;
        }

        int peek() throws IOException {
            return pos < end || fill() ? buf[pos] : -1;
        }

        private boolean fill() throws IOException {
            int n = reader.read(buf, 0, buf.length);
            pos = 0;
            end = Math.max(n, 0);
            return n > 0;
        }
    }

    private static String cellText(StringBuilder cell, boolean quoted) {
        if (cell.length() == 0) {
            return null;
        }
        return cell.toString();
    }
}
