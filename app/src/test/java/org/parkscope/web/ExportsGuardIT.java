package org.parkscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.code.Csv;
import org.parkscope.evaluation.EvaluationService;
import org.parkscope.shared.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Parks and firms named like formulas ({@code =HYPERLINK(…)}, {@code +1}, {@code -2}, {@code @SUM}, a leading tab or
 * carriage return) come out guarded in every spreadsheet and CSV the platform exports. The export routes come from
 * the application's own mappings: a new export that this test cannot fill in fails it.
 */
@PlatformTest
class ExportsGuardIT {

    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-2", "@SUM(1+1)",
            "\tX", "\rY");
    /** Exports that show park or firm names, so must carry at least one of the hostile names (guarded). */
    static final Set<String> NAMING = Set.of("/evaluations/{id}/export.xlsx", "/land/low-efficiency.xlsx", "/space.xlsx",
            "/chains/{id}/export.xlsx", "/audit/export.csv", "/enterprises.xlsx", "/parks.xlsx",
            "/land/interventions.xlsx");

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired RequestMappingHandlerMapping mappings;
    @Autowired EvaluationService evaluations;
    @Autowired AuditLog audit;

    @Test
    void everyExportGuardsTextCells() throws Exception {
        Browser admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin", "Parkscope2024");
        long run = evaluations.create("huangyan-2022", "guard");
        Map<Long, String> parks = new LinkedHashMap<>();
        jdbc.sql("select id, name from park order by id").query((rs, i) -> parks.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, String> firms = new LinkedHashMap<>();
        for (EvaluationService.ResultRow r : evaluations.results(Scope.town(), run, null, null, null).subList(0, 6)) {
            firms.put(r.enterpriseId(), r.name());
        }
        List<String> placed = jdbc.sql("select e.id, e.name from enterprise e where e.id in (select enterprise_id"
                + " from chain_link where node_id like 'SC%' limit 6)").query((rs, i) -> {
                    firms.put(rs.getLong(1), rs.getString(2));
                    return "";
                }).list();
        assertThat(placed).isNotEmpty();
        try {
            int i = 0;
            for (long id : parks.keySet()) {
                jdbc.sql("update park set name = ? where id = ?").params(HOSTILE.get(i % 6) + " " + i++, id).update();
            }
            i = 0;
            for (long id : firms.keySet()) {
                jdbc.sql("update enterprise set name = ? where id = ?").params(HOSTILE.get(i++ % 6), id).update();
            }
            audit.recordAs(HOSTILE.get(1), "UPDATE", "guard", HOSTILE.get(3), null, null, null, null);
            String markedJob = uploadWithProblems(admin);
            List<String> problems = new ArrayList<>();
            int exports = 0;
            for (String route : Routes.of(mappings)) {
                String pattern = route.substring(route.indexOf(' ') + 1);
                if (!route.startsWith("GET ") || !pattern.matches(".*(\\.xlsx|\\.csv|/templates/\\{kind}|/marked)$")) {
                    continue;
                }
                for (String path : paths(pattern, run, markedJob)) {
                    HttpResponse<byte[]> r = admin.download(path);
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    exports++;
                    List<String> cells = path.endsWith("/marked") ? lastColumn(r.body()) : cells(path, r.body());
                    cells.stream().filter(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0)
                            .forEach(c -> problems.add(path + ": unguarded «" + c + "»"));
                    if (NAMING.contains(pattern) && cells.stream().noneMatch(c -> HOSTILE.stream()
                            .anyMatch(h -> c.startsWith("'" + h)))) {
                        problems.add(path + ": none of the formula-like names appears (guarded)");
                    }
                }
            }
            System.out.printf("Formula guard: %d exports checked, %d problems%n", exports, problems.size());
            assertThat(exports).isGreaterThanOrEqualTo(NAMING.size() + 2);
            assertThat(problems).isEmpty();
        } finally {
            parks.forEach((id, name) -> jdbc.sql("update park set name = ? where id = ?").params(name, id).update());
            firms.forEach((id, name) -> jdbc.sql("update enterprise set name = ? where id = ?").params(name, id).update());
        }
    }

    private List<String> paths(String pattern, long run, String markedJob) {
        return switch (pattern) {
            case "/evaluations/{id}/export.xlsx" -> List.of("/evaluations/" + run + "/export.xlsx");
            case "/chains/{id}/export.xlsx" -> List.of("/chains/SC/export.xlsx");
            case "/import/templates/{kind}" -> java.util.Arrays.stream(org.parkscope.importing.ImportKind.values())
                    .map(k -> "/import/templates/" + k.name().toLowerCase(java.util.Locale.ROOT)).toList();
            case "/import/jobs/{id}/marked" -> List.of("/import/jobs/" + markedJob + "/marked");
            case "/audit/export.csv" -> List.of("/audit/export.csv?entity=guard");
            default -> {
                assertThat(pattern).as("an export the guard test cannot fill in: teach paths() its variables")
                        .doesNotContain("{");
                yield List.of(pattern);
            }
        };
    }

    /** A CSV of enterprises with formula-like names and bad credit codes: the import refuses it and marks it. */
    private static String uploadWithProblems(Browser admin) {
        admin.get("/import");
        StringBuilder csv = new StringBuilder("统一社会信用代码,企业名称,行业代码\r\n");
        for (String h : HOSTILE) {
            csv.append("913101170000000000,\"").append(h.replace("\"", "\"\"")).append("\",6513\r\n");
        }
        HttpResponse<String> posted = admin.upload("/import", Map.of("kind", "ENTERPRISES"), "guard.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(posted.statusCode()).isEqualTo(302);
        String job = posted.headers().firstValue("Location").orElseThrow().replaceAll(".*/import/jobs/", "");
        for (int i = 0; i < 600; i++) {
            if (admin.get("/import/jobs/" + job + "/status").body().contains("id=\"summary\"")) {
                return job;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the import did not finish");
    }

    private static List<String> cells(String path, byte[] body) throws Exception {
        if (path.contains(".csv")) {
            return csvFields(new String(body, StandardCharsets.UTF_8));
        }
        List<String> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) {
                            out.add(c.getStringCellValue());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The problems column of a marked CSV: the rest are the user's own cells, returned as they came. */
    private static List<String> lastColumn(byte[] body) {
        List<String> out = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r\n")) {
            List<String> fields = Csv.split(line);
            if (fields.size() > 3) {
                out.add(fields.get(fields.size() - 1));
            }
        }
        assertThat(out).as("problems were marked").isNotEmpty();
        return out;
    }

    /** The fields of a CSV text, line by line. */
    static List<String> csvFields(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\r?\n")) {
            out.addAll(Csv.split(line));
        }
        return out;
    }
}
