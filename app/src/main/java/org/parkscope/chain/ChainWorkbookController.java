package org.parkscope.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.LeaderScoring;
import org.parkscope.shared.Scope;
import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Downloads;
import org.parkscope.shared.Sheets;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A chain as a workbook: its nodes with their figures and flags, the firms on each node, the 链主 candidates. */
@Controller
class ChainWorkbookController {

    private final ChainAnalysis analysis;
    private final CurrentScope scope;
    private final ChainRequests requests;
    private final MessageSource messages;

    ChainWorkbookController(ChainAnalysis analysis, CurrentScope scope, ChainRequests requests, MessageSource messages) {
        this.analysis = analysis;
        this.scope = scope;
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/chains/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) @Nullable Integer year)
            throws IOException {
        int y = requests.year(year);
        Scope s = scope.get();
        ChainAnalysis.ChainView v = analysis.view(s, id, y);
        boolean en = ChainLabels.english();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet nodes = ChainLabels.sheet(wb, messages, "chains.export.nodes");
            int r = 1;
            for (ChainAnalysis.NodeView n : v.nodes()) {
                Row row = nodes.createRow(r++);
                int c = 0;
                Sheets.text(row, c++, n.node().id());
                Sheets.text(row, c++, n.node().name());
                Sheets.text(row, c++, msg("chains.stage." + n.node().stage().name()));
                Sheets.text(row, c++, msg("chains.scope." + n.node().scope().name()));
                Sheets.text(row, c++, n.node().keyLink() ? msg("chains.yes") : "");
                row.createCell(c++).setCellValue(n.stats().firms());
                row.createCell(c++).setCellValue(n.stats().aboveScale());
                row.createCell(c++).setCellValue(n.stats().revenueWan().doubleValue());
                row.createCell(c++).setCellValue(n.stats().outputWan().doubleValue());
                row.createCell(c++).setCellValue(n.stats().taxWan().doubleValue());
                row.createCell(c++).setCellValue(n.stats().staff());
                row.createCell(c++).setCellValue(n.stats().qualifications());
                row.createCell(c++).setCellValue(n.stats().candidates());
                Sheets.text(row, c++, ChainLabels.flags(messages, n.assessment().flags()));
                Sheets.text(row, c, String.join("；", n.assessment().reasons().stream().map(x -> x.text(en)).toList()));
            }
            Sheet firms = ChainLabels.sheet(wb, messages, "chains.export.firms");
            r = 1;
            for (ChainAnalysis.NodeView n : v.nodes()) {
                for (ChainAnalysis.FirmOnNode f : analysis.firms(s, n.node().id(), y)) {
                    Row row = firms.createRow(r++);
                    Sheets.text(row, 0, n.node().id());
                    Sheets.text(row, 1, f.name());
                    Sheets.text(row, 2, f.parkName());
                    Sheets.text(row, 3, msg("chains.status." + f.status()));
                    Sheets.text(row, 4, msg("chains.role." + f.role()));
                    row.createCell(5).setCellValue(f.score() == null ? 0 : f.score().doubleValue());
                    row.createCell(6).setCellValue(f.revenueWan() == null ? 0 : f.revenueWan().doubleValue());
                    row.createCell(7).setCellValue(f.taxWan() == null ? 0 : f.taxWan().doubleValue());
                    Sheets.text(row, 8, f.evidence() == null ? f.decisionReason() : f.evidence());
                }
            }
            Sheet leaders = ChainLabels.sheet(wb, messages, "chains.export.leaders");
            r = 1;
            for (LeaderScoring.Candidate c : analysis.leaders(s, id, y)) {
                Row row = leaders.createRow(r);
                row.createCell(0).setCellValue(r++);
                Sheets.text(row, 1, c.firm().name());
                row.createCell(2).setCellValue(c.score());
                row.createCell(3).setCellValue(c.scale());
                row.createCell(4).setCellValue(c.network());
                row.createCell(5).setCellValue(c.market());
                row.createCell(6).setCellValue(c.innovation());
                row.createCell(7).setCellValue(c.local());
                Sheets.text(row, 8, c.eligible() ? msg("chains.yes") : msg("chains.no"));
                Sheets.text(row, 9, String.join("；", c.reasons().stream().map(x -> x.text(en)).toList()));
            }
            wb.write(out);
            wb.dispose();
            return Downloads.file(out.toByteArray(), msg("chains.export.file") + id + "-" + y + ".xlsx", Downloads.XLSX);
        }
    }

    private String msg(String key) {
        return ChainLabels.msg(messages, key);
    }
}
