package org.parkscope.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parkscope.core.validate.Limits;

/** What a file really is, judged by its first bytes rather than its name. */
enum FileFormat {
    XLSX, XLS, CSV;

    static FileFormat detect(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new ImportException("file.empty");
        }
        ImportMessages.enforce(Limits.checkFileSize(size), 0, -1, Limits.MAX_FILE_BYTES);
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return XLS;
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0 && !utf16Bom(head)) {
                throw new ImportException("file.type");
            }
        }
        return CSV;
    }

    private static boolean utf16Bom(byte[] head) {
        return (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
    }
}
