package org.parkscope.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.parkscope.shared.Refusal;

/**
 * The kinds of document an attachment may be, each known by its content, not its name: a PDF starts with
 * {@code %PDF-}, a PNG and a JPEG with their signatures, and a Word or Excel file is a ZIP holding {@code word/} or
 * {@code xl/}. The file's name must end as its content says it is; at most 10 MB.
 */
public enum FileKind {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final String contentType;
    private final String[] extensions;

    FileKind(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The kind of an uploaded file, or a refusal saying what is wrong with it (empty, too large, not allowed). */
    public static FileKind check(String fileName, byte[] content) {
        if (content.length == 0) {
            throw Refusal.of("attachment.refused.empty");
        }
        if (content.length > MAX_BYTES) {
            throw Refusal.of("attachment.refused.tooLarge", fileName);
        }
        FileKind kind = sniff(content).orElseThrow(() -> Refusal.of("attachment.refused.type", fileName));
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        if (!Arrays.asList(kind.extensions).contains(ext)) {
            throw Refusal.of("attachment.refused.mismatch", fileName);
        }
        return kind;
    }

    /** What the bytes are, by their content alone. */
    static Optional<FileKind> sniff(byte[] b) {
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return office(b);
        }
        return Optional.empty();
    }

    private static Optional<FileKind> office(byte[] b) {
        boolean types = false;
        FileKind kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String n = e.getName();
                types |= n.equals("[Content_Types].xml");
                if (n.startsWith("word/")) {
                    kind = DOCX;
                } else if (n.startsWith("xl/")) {
                    kind = XLSX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return types ? Optional.ofNullable(kind) : Optional.empty();
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
