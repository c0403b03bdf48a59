package org.parkscope.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.parkscope.shared.UserMessage;
import org.parkscope.shared.Sheets;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page (filters, paging) and its CSV export, for town administrators and auditors. */
@Controller
class AuditController {

    private static final int PAGE = 100;
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entity,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditLog.Filter f = new AuditLog.Filter(actor, action, entity, entityId, from, to);
        long total = audit.count(f);
        model.addAttribute("filter", f);
        model.addAttribute("entries", audit.search(f, PAGE, Math.max(0, page) * PAGE));
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        return "audit";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entity,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            HttpServletResponse response) throws IOException {
        AuditLog.Filter f = new AuditLog.Filter(actor, action, entity, entityId, from, to);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        out.print('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
        out.println(UserMessage.of("audit.csv.header").text());
        int offset = 0;
        while (true) {
            var batch = audit.search(f, 1000, offset);
            for (AuditLog.Entry e : batch) {
                out.println(Sheets.csvLine(java.util.Arrays.asList(e.id(), e.at().toString(), e.actor(), e.remoteAddr(),
                        e.action(), e.entity(), e.entityId(), e.before(), e.after())));
            }
            if (batch.size() < 1000) {
                break;
            }
            offset += 1000;
        }
        out.flush();
    }
}
