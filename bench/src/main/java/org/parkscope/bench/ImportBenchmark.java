package org.parkscope.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.flywaydb.core.Flyway;
import org.parkscope.db.EmbeddedDatabase;
import org.parkscope.demo.DemoTownGenerator;
import org.parkscope.importing.ImportEngine;
import org.parkscope.importing.ImportKind;
import org.parkscope.importing.ImportReport;
import org.parkscope.importing.ImportRequest;
import org.parkscope.importing.RowSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * End-to-end import benchmark: 1 000 000 figure rows from CSV and 200 000 from xlsx through the real importer, each
 * beside its floor measured in the same run on the same machine — {@code psql \copy} of the same figures into the same
 * table ({@code indicator_value}, with its keys, indexes, foreign key and triggers; the file's credit codes already
 * resolved to enterprise ids, into a period range of its own), and a bare streaming read of the same xlsx with no
 * checks. For comparison it also copies the CSV as is into a table without the foreign key ({@code bench_copy}).
 * Prints each time and the ratio. Usage: {@code bench/import-bench.sh} (builds, then runs this).
 */
public final class ImportBenchmark {

    static final String[] METRICS = {"税收", "营业收入", "工业总产值", "工业增加值", "综合能耗", "用电量", "研发费用", "从业人员",
        "商品销售额", "主要污染物排放"};

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int csvRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int xlsxRows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String psql = args.length > 2 ? args[2] : "psql";
        Path work = Files.createTempDirectory("parkscope-bench");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), 0, true)) {
            DriverManagerDataSource ds = new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password());
            Flyway.configure().dataSource(ds).load().migrate();
            new DemoTownGenerator(ds, new TransactionTemplate(new DataSourceTransactionManager(ds))).generate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            List<String> usccs = jdbc.queryForList("select uscc from enterprise order by id", String.class);
            // the floor's table mirrors indicator_value: surrogate key, the same unique key (with the credit code in
            // place of the enterprise id), the same period check and the same secondary index
            jdbc.execute("create table bench_copy (id bigserial primary key, uscc char(18) not null,"
                    + " period varchar(7) not null check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'),"
                    + " metric varchar(32) not null, value numeric(20,4) not null, unit varchar(16),"
                    + " source_department varchar(32), import_batch_id bigint, unique (uscc, period, metric))");
            jdbc.execute("create index on bench_copy (metric, period)");

            Path csv = work.resolve("figures.csv");
            writeCsv(csv, usccs, csvRows, 2030);
            Path resolved = work.resolve("figures-resolved.csv");
            writeResolvedCsv(resolved, jdbc.queryForList("select id from enterprise order by id", Long.class), csvRows,
                    2040);
            Path xlsx = work.resolve("figures.xlsx");
            writeXlsx(xlsx, usccs, xlsxRows, 2080);
            System.out.printf(Locale.ROOT, "files: %,d CSV rows (%.1f MB), %,d xlsx rows (%.1f MB)%n", csvRows,
                    Files.size(csv) / 1e6, xlsxRows, Files.size(xlsx) / 1e6);

            ImportEngine engine = new ImportEngine(ds);
            // warm-up on a small file, so that class loading and JIT do not count against either side
            Path warm = work.resolve("warm.csv");
            writeCsv(warm, usccs, 20_000, 2000);
            run(engine, warm, null);
            jdbc.execute("delete from indicator_value where period >= '2000' and period < '2001'");
            // and on a small workbook, read bare (both readers) and imported, so that the xlsx floor is warm too
            Path warmXlsx = work.resolve("warm.xlsx");
            writeXlsx(warmXlsx, usccs, 20_000, 2000);
            bareRead(warmXlsx);
            poiRead(warmXlsx);
            run(engine, warmXlsx, null);
            jdbc.execute("delete from indicator_value where period >= '2000' and period < '2001'");

            long sameTableMs = psqlCopy(psql, db, "indicator_value (enterprise_id, period, metric, value, unit,"
                    + " source_department)", resolved, false);
            long copyMs = psqlCopy(psql, db, "bench_copy (uscc, period, metric, value)", csv, true);
            long importMs = run(engine, csv, ImportReport.Status.COMMITTED);
            long readMs = bareRead(xlsx);
            long poiReadMs = poiRead(xlsx);
            long importXlsxMs = run(engine, xlsx, ImportReport.Status.COMMITTED);

            System.out.printf(Locale.ROOT, "CSV  %,9d rows: psql \\copy %6d ms | Parkscope import %6d ms | ratio %.2f×"
                    + "  (psql \\copy into the same table indicator_value)%n", csvRows, sameTableMs, importMs,
                    importMs / (double) sameTableMs);
            System.out.printf(Locale.ROOT, "CSV  %,9d rows: psql \\copy %6d ms | Parkscope import %6d ms | ratio %.2f×"
                    + "  (psql \\copy into bench_copy: no foreign key, credit codes as the file has them)%n", csvRows,
                    copyMs, importMs, importMs / (double) copyMs);
            System.out.printf(Locale.ROOT, "xlsx %,9d rows: bare read   %6d ms | Parkscope import %6d ms | ratio %.2f×"
                    + "  (bare read: the importer's own reader, every cell, no checks)%n",
                    xlsxRows, readMs, importXlsxMs, importXlsxMs / (double) readMs);
            System.out.printf(Locale.ROOT, "xlsx %,9d rows: bare read   %6d ms | Parkscope import %6d ms | ratio %.2f×"
                    + "  (bare read with POI's XSSFSheetXMLHandler)%n",
                    xlsxRows, poiReadMs, importXlsxMs, importXlsxMs / (double) poiReadMs);
        } finally {
            deleteTree(work);
        }
    }

    static long run(ImportEngine engine, Path file, ImportReport.Status expected) {
        long t0 = System.nanoTime();
        ImportReport r = engine.run(new ImportRequest(ImportKind.INDICATORS, file, file.getFileName().toString(),
                "bench", ImportRequest.Options.defaults()), ImportEngine.Progress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (expected != null && r.status() != expected) {
            throw new IllegalStateException("import of " + file + " ended " + r.status() + ": "
                    + r.problems().subList(0, Math.min(3, r.problems().size())));
        }
        return ms;
    }

    /** One row per enterprise, month and metric, starting in January of {@code firstYear}. */
    static void writeCsv(Path file, List<String> usccs, int rows, int firstYear) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("统一社会信用代码,期间,指标,数值\n");
            int n = 0;
            for (int month = 0; n < rows; month++) {
                String period = String.format(Locale.ROOT, "%d-%02d", firstYear + month / 12, month % 12 + 1);
                for (int e = 0; e < usccs.size() && n < rows; e++) {
                    for (int m = 0; m < METRICS.length && n < rows; m++, n++) {
                        w.write(usccs.get(e));
                        w.write(',');
                        w.write(period);
                        w.write(',');
                        w.write(METRICS[m]);
                        w.write(',');
                        w.write(Integer.toString((e * 31 + m * 7 + month) % 9973 + 1));
                        w.write('\n');
                    }
                }
            }
        }
    }

    /** The rows {@link #writeCsv} writes, as they end up in {@code indicator_value}: enterprise id and canonical metric. */
    static void writeResolvedCsv(Path file, List<Long> ids, int rows, int firstYear) throws IOException {
        String[] codes = {"TAX", "REVENUE", "OUTPUT", "VALUE_ADDED", "ENERGY", "ELECTRICITY", "RD", "STAFF",
            "GOODS_SALES", "EMISSIONS"};
        String[] units = {"万元", "万元", "万元", "万元", "吨标准煤", "万千瓦时", "万元", "人", "万元", "吨"};
        String[] departments = {"TAX", "STATS", "STATS", "STATS", "STATS", "POWER", "STATS", "STATS", "STATS", "ENV"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (int month = 0; n < rows; month++) {
                String period = String.format(Locale.ROOT, "%d-%02d", firstYear + month / 12, month % 12 + 1);
                for (int e = 0; e < ids.size() && n < rows; e++) {
                    for (int m = 0; m < codes.length && n < rows; m++, n++) {
                        w.write(ids.get(e) + "," + period + "," + codes[m] + "," + ((e * 31 + m * 7 + month) % 9973 + 1)
                                + "," + units[m] + "," + departments[m] + "\n");
                    }
                }
            }
        }
    }

    static void writeXlsx(Path file, List<String> usccs, int rows, int firstYear) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("数据");
            var h = sheet.createRow(0);
            String[] head = {"统一社会信用代码", "期间", "指标", "数值"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int n = 0;
            for (int month = 0; n < rows; month++) {
                String period = String.format(Locale.ROOT, "%d-%02d", firstYear + month / 12, month % 12 + 1);
                for (int e = 0; e < usccs.size() && n < rows; e++) {
                    for (int m = 0; m < METRICS.length && n < rows; m++, n++) {
                        var row = sheet.createRow(n + 1);
                        row.createCell(0).setCellValue(usccs.get(e));
                        row.createCell(1).setCellValue(period);
                        row.createCell(2).setCellValue(METRICS[m]);
                        row.createCell(3).setCellValue((e * 31 + m * 7 + month) % 9973 + 1);
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** The floor for CSV: the server's own COPY of a file through psql, into {@code target} (table and columns). */
    static long psqlCopy(String psql, EmbeddedDatabase db, String target, Path csv, boolean header)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(psql, "-h", "localhost", "-p", Integer.toString(db.port()), "-U",
                db.user(), "-d", EmbeddedDatabase.DATABASE, "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy " + target + " from '" + csv + "' with (format csv, header " + header + ")")
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The floor for xlsx: every cell read by the importer's own reader (RowSource), nothing checked or stored. */
    static long bareRead(Path xlsx) throws Exception {
        long t0 = System.nanoTime();
        long[] cells = new long[1];
        RowSource.open(xlsx, xlsx.getFileName().toString()).read((rowNo, row) -> {
            for (String c : row) {
                cells[0] += c == null ? 0 : c.length();
            }
        });
        if (cells[0] == 0) {
            throw new IllegalStateException("nothing read");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The earlier floor, for comparison: a SAX read of every cell with POI's own sheet handler. */
    static long poiRead(Path xlsx) throws Exception {
        long t0 = System.nanoTime();
        long[] cells = new long[1];
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            XMLReader parser = f.newSAXParser().getXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                    new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) { }

                        @Override
                        public void endRow(int rowNum) { }

                        @Override
                        public void cell(String ref, String value, XSSFComment comment) {
                            cells[0] += value == null ? 0 : value.length();
                        }
                    }, new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
        }
        if (cells[0] == 0) {
            throw new IllegalStateException("nothing read");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
