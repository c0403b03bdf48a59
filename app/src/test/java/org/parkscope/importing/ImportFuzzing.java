package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every import fuzz target does with its input: read it as the engine would, up to the rows copied to staging,
 * without a database. A crash is anything but a clean refusal ({@link ImportException}) or a run to the end.
 */
final class ImportFuzzing {

    private static final ImportKind[] KINDS = ImportKind.values();

    private ImportFuzzing() {}

    /** The kind a raw file input is read as: chosen by its length, so every kind gets inputs of every shape. */
    static ImportKind kindFor(byte[] data) {
        return KINDS[data.length % KINDS.length];
    }

    /** Reads {@code data} as a file of that format and kind through the engine's reader and checker. */
    static void readFile(byte[] data, String suffix, ImportKind kind) {
        Path file = null;
        try {
            file = Files.createTempFile("parkscope-fuzz", suffix);
            Files.write(file, data);
            RowSource source = switch (suffix) {
                case ".xlsx" -> new XlsxSource(file);
                case ".xls" -> new XlsSource(file);
                default -> new CsvSource(file, "fuzz.csv");
            };
            stage(kind, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Streams a source into the engine's reader (header, checks, staging copy to nowhere). */
    static void stage(ImportKind kind, RowSource source) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        int[] staged = new int[1];
        StagingReader reader = new StagingReader(kind, ImportRequest.Options.defaults(),
                bytes -> staged[0] += bytes.length, problems, new int[2], ImportEngine.Progress.NONE);
        try {
            source.read(reader);
            reader.end();
        } catch (ImportException e) {
            assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).isNotBlank();
            assertThat(e.text(java.util.Locale.ENGLISH)).isNotBlank();
            return;
        }
        for (ImportProblem p : problems) {
            assertThat(p.row()).isPositive();
            assertThat(p.text(java.util.Locale.SIMPLIFIED_CHINESE)).isNotBlank();
            assertThat(p.text(java.util.Locale.ENGLISH)).isNotBlank();
        }
    }
}
