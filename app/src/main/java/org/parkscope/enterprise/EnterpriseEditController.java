package org.parkscope.enterprise;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Confirmation;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Town administrators correct an enterprise's record, its qualifications and its figures. */
@Controller
class EnterpriseEditController {

    private final EnterpriseQueries queries;
    private final EnterpriseCommands commands;
    private final CurrentScope scope;

    EnterpriseEditController(EnterpriseQueries queries, EnterpriseCommands commands, CurrentScope scope) {
        this.queries = queries;
        this.commands = commands;
        this.scope = scope;
    }

    @GetMapping("/enterprises/{id}/edit")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("e", queries.detail(scope.get(), id).orElseThrow(() -> Refusal.notFound("enterprise", id)));
        model.addAttribute("metrics", EnterpriseCommands.METRIC_UNITS.keySet().stream().sorted().toList());
        model.addAttribute("departments", EnterpriseCommands.DEPARTMENTS.stream().sorted().toList());
        model.addAttribute("types", EnterpriseCommands.QUALIFICATION_TYPES.stream().sorted().toList());
        model.addAttribute("qualifications", queries.qualificationRows(scope.get(), id));
        return "enterprise-edit";
    }

    @PostMapping("/enterprises/{id}/edit")
    @OnRefusal("/enterprises/{id}/edit")
    String update(@PathVariable long id, @RequestParam String name, @RequestParam String industryCode,
            @RequestParam(required = false) @Nullable String sizeClass,
            @RequestParam(defaultValue = "false") boolean aboveScale, @RequestParam(defaultValue = "false") boolean hq,
            @RequestParam(required = false) @Nullable String hqKind, @RequestParam String status,
            RedirectAttributes flash) {
        return run(id, flash, () -> commands.update(scope.get(), id,
                new EnterpriseCommands.EnterpriseEdit(name, industryCode, sizeClass, aboveScale, hq, hqKind, status)));
    }

    @PostMapping("/enterprises/{id}/qualifications")
    @OnRefusal("/enterprises/{id}/edit")
    String addQualification(@PathVariable long id, @RequestParam String type,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String certificateNo,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresOn,
            RedirectAttributes flash) {
        return run(id, flash, () -> commands.addQualification(scope.get(), id, type, level, certificateNo, issuedOn,
                expiresOn));
    }

    @PostMapping("/enterprises/{id}/qualifications/{qid}/delete")
    @OnRefusal("/enterprises/{id}/edit")
    String deleteQualification(@PathVariable long id, @PathVariable long qid, RedirectAttributes flash,
            HttpServletRequest request, Model model) {
        if (!Confirmation.given(request)) {
            return Confirmation.ask(model, request, UserMessage.of("confirm.qualification.delete"),
                    "/enterprises/" + id + "/edit");
        }
        return run(id, flash, () -> commands.deleteQualification(scope.get(), id, qid));
    }

    @PostMapping("/enterprises/{id}/figures")
    @OnRefusal("/enterprises/{id}/edit")
    String setFigure(@PathVariable long id, @RequestParam String metric, @RequestParam String period,
            @RequestParam BigDecimal value, @RequestParam String department, RedirectAttributes flash) {
        return run(id, flash, () -> commands.setFigure(scope.get(), id, metric, period.trim(), value, department));
    }

    private String run(long id, RedirectAttributes flash, Runnable change) {
        change.run();
        flash.addFlashAttribute("message", UserMessage.of("flash.saved").text());
        return "redirect:/enterprises/" + id + "/edit";
    }
}
