package org.parkscope.importing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the import readers and the row checker. In `verify` each target replays its seed
 * corpus ({@code src/test/resources/org/parkscope/importing/ImportReadersFuzzTestInputs/<target>/}); with
 * JAZZER_FUZZ=1 (bench/fuzz.sh) it fuzzes. Only a clean refusal ({@link ImportException}) or problems on rows may come
 * out: any other exception, a hang or running out of memory is a crash.
 */
class ImportReadersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] data) {
        ImportFuzzing.readFile(data, ".csv", ImportFuzzing.kindFor(data));
    }

    @FuzzTest(maxDuration = "60s")
    void xlsx(byte[] data) {
        ImportFuzzing.readFile(data, ".xlsx", ImportFuzzing.kindFor(data));
    }

    @FuzzTest(maxDuration = "60s")
    void xls(byte[] data) {
        ImportFuzzing.readFile(data, ".xls", ImportFuzzing.kindFor(data));
    }

    /**
     * The row checker over every kind: a header of the kind's labels (some left out, some in English), then rows of
     * fuzzed cells, through header detection, checking and staging.
     */
    @FuzzTest(maxDuration = "60s")
    void rows(FuzzedDataProvider in) throws IOException {
        ImportKind kind = ImportKind.values()[in.consumeInt(0, ImportKind.values().length - 1)];
        List<String> header = new ArrayList<>();
        for (Field f : kind.fields()) {
            if (f.required() || in.consumeBoolean()) {
                header.add(in.consumeBoolean() ? f.label() : f.labels().get(in.consumeInt(0, f.labels().size() - 1)));
            }
        }
        if (kind == ImportKind.INDICATORS && in.consumeBoolean()) {
            header.add(in.pickValue(List.of("税收(万元)", "营业收入(亿元)", "用电量(万千瓦时)", "从业人员")));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        int n = in.consumeInt(0, 20);
        for (int r = 0; r < n; r++) {
            List<String> cells = new ArrayList<>();
            int width = in.consumeInt(0, header.size() + 2);
            for (int c = 0; c < width; c++) {
                cells.add(in.consumeBoolean() ? null : in.consumeString(64));
            }
            rows.add(cells);
        }
        ImportFuzzing.stage(kind, new RowSource() {
            @Override
            public String sheetName() {
                return "fuzz";
            }

            @Override
            public void read(RowConsumer consumer) {
                for (int r = 0; r < rows.size(); r++) {
                    consumer.row(r + 1, rows.get(r));
                }
            }
        });
    }
}
