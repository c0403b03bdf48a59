package org.parkscope.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parkscope.shared.UserMessage;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.EvaluationInput;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.core.parse.Numbers;
import org.parkscope.core.parse.Text;
import org.parkscope.importing.RowSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parkscope evaluate --scheme S.yaml --data D.xlsx --out R.xlsx}: scores a spreadsheet offline — no server, no
 * database. The data sheet has one row per enterprise: 统一社会信用代码 (or any id), 企业名称, 是否规上, 用地面积 (亩,
 * or m² / 公顷 in the header), and one column per metric (税收, 工业增加值, 综合能耗, 主要污染物排放, 从业人员, 研发费用,
 * 营业收入, 用电量 …, units in the header as for imports). The result workbook has every item's value and points, the
 * total, rank, class and cut-offs.
 *
 * <p>Where a scheme takes a benchmark from another year's cohort (Huai'an: 2 × last year's mean), the same sheet
 * carries that year's rows too, told apart by a 年度 (year) column: rows of the evaluated year (or with no year) are
 * scored, rows of another year only make up that year's cohorts for the benchmarks.
 */
@Command(name = "parkscope evaluate", mixinStandardHelpOptions = true,
        description = {"Score a data file offline with an evaluation scheme (no server, no database).",
            "Get the data layout a scheme needs: --template SCHEME [--out FILE] writes a workbook with the header row",
            "and a sheet saying what each column holds, in the order the scheme reads them. One row per enterprise:",
            "id (unified social credit code), name, above designated size (yes/no), industry code, year (only where",
            "the scheme benchmarks on another year), land area (mu; or m2 / ha in the header), then one column per",
            "metric, count or flag the scheme uses, units in brackets in the header. Headers in Chinese or English.",
            "The result workbook and the template are in the language of --lang."},
        footer = {"", "Examples:", "  parkscope evaluate --template huangyan-2022 --out data.xlsx",
            "  parkscope evaluate --scheme huangyan-2022 --data data.xlsx --out result.xlsx"})
public final class EvaluateCli implements Callable<Integer> {

    @Option(names = "--scheme", description = "scheme YAML, or the name of a shipped one (huangyan-2022)")
    String scheme;

    @Option(names = "--data", description = "data file (.xlsx, .xls, .csv)")
    Path data;

    @Option(names = "--out", description = "result workbook (.xlsx); with --template, the template (default SCHEME-template.xlsx)")
    Path out;

    @Option(names = "--template", paramLabel = "SCHEME",
            description = "write the data template of a scheme (YAML or shipped name) instead of evaluating")
    String template;


    @Option(names = "--year", description = "data year to evaluate, within the scheme's effective years (default: its year)")
    Integer year;

    @Option(names = "--lang", description = "language of the result workbook: zh or en (default: the system's, zh unless"
            + " it is English)")
    String lang;

    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (template != null) {
            scheme = template;
        } else {
            String missing = scheme == null ? "--scheme" : data == null ? "--data" : out == null ? "--out" : null;
            if (missing != null) {
                console.println(UserMessage.of("cli.evaluate.missing", missing).inBothLanguages());
                return 2;
            }
        }
        Scheme s;
        try {
            s = Files.isRegularFile(Path.of(scheme)) ? SchemeFile.load(Path.of(scheme)) : SchemeFile.classpath(scheme);
            s = year == null ? s : s.forYear(year);
        } catch (SchemeFile.Invalid e) {
            console.println(e.inBothLanguages());
            return 2;
        } catch (Scheme.NotInEffect e) {
            console.println(e.getMessage());
            return 2;
        }
        if (template != null) {
            Path file = out != null ? out : Path.of(s.id() + "-template.xlsx");
            OfflineLayout.writeTemplate(s, file, locale());
            console.println(UserMessage.of("evaluate.template.written", s.id(), file).inBothLanguages());
            return 0;
        }
        if (!Files.isRegularFile(data)) {
            console.println(UserMessage.of("cli.noDataFile", data).inBothLanguages());
            return 2;
        }
        Table t;
        try {
            t = read(data);
        } catch (org.parkscope.importing.ImportException e) { // unreadable, damaged, or beyond the limits of input
            if (e.row() > 0) {
                console.println(UserMessage.of("cli.row", String.valueOf(e.row())).inBothLanguages());
            }
            console.println(e.inBothLanguages());
            return 2;
        }
        if (t.problems.size() > 0) {
            t.problems.forEach(p -> console.println(p.inBothLanguages()));
            return 1;
        }
        List<String> unused = new ArrayList<>(t.ignored);
        java.util.Set<String> used = Scoring.usedColumns(s);
        t.metricHeaders.forEach((metric, header) -> {
            if (!used.contains(metric)) {
                unused.add(header);
            }
        });
        if (!unused.isEmpty()) { // a warning: the file is scored without them
            console.println(UserMessage.of("cli.evaluate.unused", s.id(), String.join(", ", unused)).inBothLanguages());
        }
        EvaluationInput input = t.input(s);
        Engine.Result r;
        try {
            r = new Engine().run(s, input);
        } catch (IllegalArgumentException e) {
            console.println(e.getMessage());
            return 2;
        }
        ResultWorkbook.write(s, r, out, locale());
        Map<String, Integer> classes = new java.util.TreeMap<>();
        for (int i = 0; i < r.size(); i++) {
            classes.merge(r.klass(i) == null ? "—" : r.klass(i), 1, Integer::sum);
        }
        console.println(UserMessage.of("cli.evaluate.done", s.id(), String.valueOf(r.size()), String.valueOf(classes),
                String.valueOf(out)).inBothLanguages());
        return 0;
    }

    /** The data sheet as columns. */
    static final class Table {
        final List<String> ids = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<Boolean> above = new ArrayList<>();
        final List<Double> land = new ArrayList<>();
        final List<String> industries = new ArrayList<>();
        final List<Integer> years = new ArrayList<>();
        final Map<String, List<Double>> metrics = new HashMap<>();
        final List<UserMessage> problems = new ArrayList<>();
        /** Headers of the header row that name no column the command knows. */
        final List<String> ignored = new ArrayList<>();
        /** The header each metric was read from. */
        final Map<String, String> metricHeaders = new java.util.LinkedHashMap<>();

        /** The rows of the scheme's year (and those with no year), with the rows of each year its benchmarks need. */
        EvaluationInput input(Scheme s) {
            List<Integer> evaluated = new ArrayList<>();
            Map<Integer, List<Integer>> others = new java.util.TreeMap<>();
            for (int i = 0; i < ids.size(); i++) {
                Integer y = years.get(i);
                if (y == null || y == s.year()) {
                    evaluated.add(i);
                } else {
                    others.computeIfAbsent(y, k -> new ArrayList<>()).add(i);
                }
            }
            EvaluationInput in = rows(evaluated, s);
            for (int y : s.referenceYears()) {
                if (others.containsKey(y)) {
                    in.reference(y, rows(others.get(y), s));
                }
            }
            return in;
        }

        private EvaluationInput rows(List<Integer> rows, Scheme s) {
            int n = rows.size();
            boolean[] a = new boolean[n];
            double[] l = new double[n];
            String[] id = new String[n];
            String[] name = new String[n];
            String[] industry = new String[n];
            for (int k = 0; k < n; k++) {
                int i = rows.get(k);
                a[k] = above.get(i);
                l[k] = land.get(i);
                id[k] = ids.get(i);
                name[k] = names.get(i);
                industry[k] = industries.get(i);
            }
            EvaluationInput in = new EvaluationInput(id, name, a, l).industries(industry);
            // an empty count or flag is none (0); an empty metric is no data
            metrics.forEach((m, values) -> in.metric(m, rows.stream().mapToDouble(values::get)
                    .map(v -> Double.isNaN(v) && SchemeFile.COUNTS.contains(m) ? 0 : v).toArray()));
            for (String column : Scoring.usedColumns(s)) {
                if (!column.equals("LAND_MU") && !metrics.containsKey(column)) {
                    double[] none = new double[n];
                    java.util.Arrays.fill(none, SchemeFile.COUNTS.contains(column) ? 0 : Double.NaN);
                    in.metric(column, none); // a column the file lacks: no data (or none counted)
                }
            }
            return in;
        }
    }

    static Table read(Path file) throws IOException {
        Table t = new Table();
        Map<Integer, String> metricCols = new HashMap<>();
        Map<Integer, BigDecimal> factors = new HashMap<>();
        int[] cols = {-1, -1, -1, -1, -1, -1}; // by OfflineLayout.Role: id, name, above, industry, year, land
        BigDecimal[] landFactor = {BigDecimal.ONE};
        boolean[] header = {false};
        RowSource.open(file, file.getFileName().toString()).read((rowNo, cells) -> {
            if (!header[0]) {
                List<String> unknown = new ArrayList<>();
                for (int c = 0; c < cells.size(); c++) {
                    String h = Text.clean(cells.get(c));
                    Optional<OfflineLayout.Column> column = h == null ? Optional.empty() : OfflineLayout.recognise(h);
                    if (column.isEmpty()) {
                        if (h != null) {
                            unknown.add(h);
                        }
                        continue;
                    }
                    OfflineLayout.Column col = column.get();
                    if (col.role() == OfflineLayout.Role.METRIC) {
                        Optional<BigDecimal> factor = OfflineLayout.factor(col.metric(), h);
                        if (factor.isEmpty()) {
                            t.problems.add(UserMessage.of("cli.evaluate.unit", h));
                            continue;
                        }
                        metricCols.put(c, col.metric());
                        factors.put(c, factor.get());
                        t.metricHeaders.put(col.metric(), h);
                    } else {
                        cols[col.role().ordinal()] = c;
                        if (col.role() == OfflineLayout.Role.LAND) {
                            Optional<BigDecimal> factor = OfflineLayout.landToMu(h);
                            if (factor.isEmpty()) {
                                t.problems.add(UserMessage.of("cli.evaluate.unit", h));
                            }
                            landFactor[0] = factor.orElse(BigDecimal.ONE);
                        }
                    }
                }
                header[0] = cols[0] >= 0 && cols[5] >= 0;
                if (header[0]) {
                    t.ignored.addAll(unknown);
                }
                return;
            }
            String id = cell(cells, cols[0]);
            if (id == null) {
                return;
            }
            t.ids.add(id);
            t.names.add(Optional.ofNullable(cell(cells, cols[1])).orElse(id));
            t.industries.add(cell(cells, cols[3]));
            String y = cell(cells, cols[4]);
            Integer dataYear = null;
            if (y != null) {
                String digits = y.replaceAll("[年度\\s]", "");
                if (digits.matches("\\d{4}")) {
                    dataYear = Integer.parseInt(digits);
                } else {
                    t.problems.add(UserMessage.of("cli.evaluate.year", String.valueOf(rowNo), y));
                }
            }
            t.years.add(dataYear);
            String a = cell(cells, cols[2]);
            t.above.add(a != null && (a.equals("是") || a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes") || a.equalsIgnoreCase("true")
                    || a.equals("1") || a.equals("规上")));
            t.land.add(number(cell(cells, cols[5]), landFactor[0], rowNo, t));
            int row = t.ids.size() - 1;
            for (Map.Entry<Integer, String> e : metricCols.entrySet()) {
                List<Double> col = t.metrics.computeIfAbsent(e.getValue(), k -> new ArrayList<>());
                while (col.size() < row) {
                    col.add(Double.NaN);
                }
                col.add(number(cell(cells, e.getKey()), factors.get(e.getKey()), rowNo, t));
            }
        });
        if (!header[0]) {
            t.problems.add(UserMessage.of("cli.evaluate.noHeader"));
        }
        t.metrics.values().forEach(col -> {
            while (col.size() < t.ids.size()) {
                col.add(Double.NaN);
            }
        });
        return t;
    }

    private static double number(String s, BigDecimal factor, int rowNo, Table t) {
        if (s == null) {
            return Double.NaN;
        }
        var n = Numbers.parse(s);
        if (!n.ok()) {
            t.problems.add(UserMessage.of("cli.evaluate.cell", String.valueOf(rowNo),
                    UserMessage.bilingual(n.errors().get(0).messageZh(), n.errors().get(0).messageEn())));
            return Double.NaN;
        }
        return n.value().multiply(factor).doubleValue();
    }

    private static String cell(List<String> cells, int c) {
        return c >= 0 && c < cells.size() ? Text.clean(cells.get(c)) : null;
    }

    /** The language of what this command writes: --lang, else the system's. */
    private Locale locale() {
        return lang == null ? UserMessage.commandLineLocale() : Locale.forLanguageTag(lang);
    }
}
