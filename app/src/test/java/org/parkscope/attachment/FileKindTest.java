package org.parkscope.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.parkscope.shared.Refusal;

/** A file is what its content says, and its name must agree; anything else is refused with the reason. */
class FileKindTest {

    @Test
    void knowsEachAllowedKindByItsContent() throws Exception {
        assertThat(FileKind.check("a.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.PDF);
        assertThat(FileKind.check("a.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
                .isEqualTo(FileKind.PNG);
        assertThat(FileKind.check("a.jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(FileKind.JPEG);
        assertThat(FileKind.check("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(FileKind.JPEG);
        assertThat(FileKind.check("报告.docx", zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(FileKind.DOCX);
        assertThat(FileKind.check("表.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(FileKind.XLSX);
    }

    @Test
    void refusesOtherContentWrongNamesEmptyAndLargeFiles() throws Exception {
        assertThat(code(() -> FileKind.check("a.pdf", "MZ...".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("attachment.refused.type");
        byte[] plainZip = zip("readme.txt");
        byte[] word = zip("[Content_Types].xml", "word/document.xml");
        assertThat(code(() -> FileKind.check("a.zip.docx", plainZip))).isEqualTo("attachment.refused.type");
        assertThat(code(() -> FileKind.check("a.xlsx", word))).isEqualTo("attachment.refused.mismatch");
        assertThat(code(() -> FileKind.check("pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("attachment.refused.mismatch");
        assertThat(code(() -> FileKind.check("a.pdf", new byte[0]))).isEqualTo("attachment.refused.empty");
        assertThat(code(() -> FileKind.check("a.pdf", new byte[FileKind.MAX_BYTES + 1])))
                .isEqualTo("attachment.refused.tooLarge");
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (Refusal e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    private static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
