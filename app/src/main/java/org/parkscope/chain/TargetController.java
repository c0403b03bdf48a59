package org.parkscope.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.TargetRanking;
import org.parkscope.shared.Downloads;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 补链 target list, the outside pool it draws on, and the 招商 leads made from it (town staff only). */
@Controller
class TargetController {

    private final TargetService targets;
    private final TargetList list;
    private final ChainAnalysis analysis;
    private final MessageSource messages;

    TargetController(TargetService targets, TargetList list, ChainAnalysis analysis, MessageSource messages) {
        this.list = list;
        this.messages = messages;
        this.targets = targets;
        this.analysis = analysis;
    }

    @GetMapping("/chains/targets")
    String list(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year == null ? analysis.defaultYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("gaps", list.targets(y, 5));
        model.addAttribute("stamp", list.stamp());
        model.addAttribute("poolSize", targets.poolSize());
        model.addAttribute("en", ChainLabels.english());
        return "chain-targets";
    }

    @GetMapping("/chains/targets/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Integer year) throws IOException {
        int y = year == null ? analysis.defaultYear() : year;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = ChainLabels.sheet(wb, messages, "targets.export");
            int r = 1;
            for (TargetList.GapTargets g : list.targets(y, TargetList.STORED_PER_GAP)) {
                String space = g.spaces().isEmpty() ? "" : g.spaces().get(0).parkName() + " " + g.spaces().get(0).label()
                        + " (" + g.spaces().get(0).areaM2().toPlainString() + " m²)";
                for (TargetRanking.Target t : g.targets()) {
                    Row row = sheet.createRow(r++);
                    Sheets.text(row, 0, g.chain().name());
                    Sheets.text(row, 1, g.node().id() + " " + g.node().name());
                    Sheets.text(row, 2, ChainLabels.flags(messages, g.assessment().flags()));
                    Sheets.text(row, 3, ChainLabels.reasons(g.assessment().reasons()));
                    row.createCell(4).setCellValue(g.assessment().priority());
                    Sheets.text(row, 5, t.firm().name());
                    Sheets.text(row, 6, t.firm().listed() ? symbolOf(t) : "");
                    Sheets.text(row, 7, t.firm().region());
                    row.createCell(8).setCellValue(t.score());
                    Sheets.text(row, 9, ChainLabels.reasons(t.reasons()));
                    Sheets.text(row, 10, space);
                }
            }
            wb.write(out);
            wb.dispose();
            return Downloads.file(out.toByteArray(), ChainLabels.msg(messages, "targets.export.file") + y + ".xlsx",
                    Downloads.XLSX);
        }
    }

    private String symbolOf(TargetRanking.Target t) {
        return targets.symbol(t.firm().id());
    }

    @PostMapping("/chains/targets/pool")
    @OnRefusal("/chains/targets")
    String importPool(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        int n = targets.importPool(file.getInputStream(), file.getOriginalFilename() == null ? "upload.csv"
                : file.getOriginalFilename(), ChainService.actor());
        flash.addFlashAttribute("message", UserMessage.of("targets.flash.imported", n).text());
        return "redirect:/chains/targets";
    }

    @PostMapping("/leads")
    @OnRefusal("/chains/targets")
    String createLead(@RequestParam long target, @RequestParam(required = false) @Nullable String chain,
            @RequestParam(required = false) @Nullable String node, @RequestParam(required = false) @Nullable Long space,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes flash) {
        long id = targets.createLead(target, chain, node, space, note, ChainService.actor());
        flash.addFlashAttribute("message", UserMessage.of("targets.flash.leadCreated", String.valueOf(id)).text());
        return "redirect:/leads";
    }
}
