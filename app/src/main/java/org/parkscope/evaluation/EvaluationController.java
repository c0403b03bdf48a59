package org.parkscope.evaluation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.park.ParkQueries;
import org.parkscope.shared.TownContext;
import org.parkscope.web.CurrentScope;
import org.parkscope.web.Downloads;
import org.parkscope.web.Sheets;
import org.parkscope.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evaluation runs: list and create, the ranking, an enterprise's explanation and objections, 公示 export, the diff. */
@Controller
class EvaluationController {

    private final EvaluationService evaluations;
    private final ParkQueries parks;
    private final TownContext town;
    private final CurrentScope scope;

    EvaluationController(EvaluationService evaluations, ParkQueries parks, TownContext town, CurrentScope scope) {
        this.evaluations = evaluations;
        this.parks = parks;
        this.town = town;
        this.scope = scope;
    }

    @GetMapping("/evaluations")
    String list(Model model) {
        model.addAttribute("runs", evaluations.runs());
        model.addAttribute("schemes", evaluations.shippedSchemes());
        return "evaluations";
    }

    @PostMapping("/evaluations")
    String create(@RequestParam String scheme, @RequestParam(defaultValue = "0") int landDays,
            @RequestParam(defaultValue = "false") boolean workingDays, @RequestParam(required = false) @Nullable Integer year,
            Authentication auth, RedirectAttributes flash) {
        try {
            long run = evaluations.create(scheme, auth.getName(), Math.max(0, Math.min(30, landDays)), workingDays, year);
            return "redirect:/evaluations/" + run;
        } catch (SchemeFile.Invalid | EvaluationService.Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/evaluations";
        }
    }

    @GetMapping("/evaluations/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) @Nullable String cohort,
            @RequestParam(required = false) @Nullable String klass, @RequestParam(required = false) @Nullable Long park,
            @RequestParam(required = false) @Nullable String industry, Model model) {
        model.addAttribute("run", evaluations.runRow(id));
        model.addAttribute("scheme", evaluations.scheme(id));
        model.addAttribute("results", evaluations.results(scope.get(), id, cohort, klass, park,
                industry == null || !industry.matches("\\d{2,4}") ? null : industry));
        model.addAttribute("counts", evaluations.classCounts(scope.get(), id));
        model.addAttribute("objections", evaluations.objections(scope.get(), id));
        model.addAttribute("land", "LAND_PUBLICISED".equals(evaluations.runRow(id).status())
                ? evaluations.land(scope.get(), id) : List.of());
        model.addAttribute("parks", parks.summaries(scope.get(), town.referenceYear()));
        model.addAttribute("filter", Map.of("cohort", cohort == null ? "" : cohort, "klass", klass == null ? "" : klass,
                "park", park == null ? "" : String.valueOf(park), "industry", industry == null ? "" : industry));
        return "evaluation";
    }

    @GetMapping("/evaluations/{id}/enterprises/{enterprise}")
    String enterprise(@PathVariable long id, @PathVariable long enterprise, Model model) {
        model.addAttribute("run", evaluations.runRow(id));
        model.addAttribute("e", evaluations.explanation(scope.get(), id, enterprise)
                .orElseThrow(() -> NotFoundException.of("enterprise", enterprise)));
        model.addAttribute("objections", evaluations.objections(scope.get(), id).stream()
                .filter(o -> o.enterpriseId() == enterprise).toList());
        return "evaluation-enterprise";
    }

    @PostMapping("/evaluations/{id}/enterprises/{enterprise}/objections")
    String object(@PathVariable long id, @PathVariable long enterprise, @RequestParam String metric,
            @RequestParam(required = false) @Nullable Double claimed, @RequestParam String reason,
            @RequestParam(required = false) @Nullable String evidence, Authentication auth, RedirectAttributes flash) {
        try {
            evaluations.object(scope.get(), id, enterprise, metric, claimed, reason, evidence, auth.getName());
            flash.addFlashAttribute("message", "异议已提交 / objection filed");
        } catch (EvaluationService.Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluations/" + id + "/enterprises/" + enterprise;
    }

    @PostMapping("/evaluations/{id}/publicise")
    String publicise(@PathVariable long id, @RequestParam(defaultValue = "5") int days,
            @RequestParam(defaultValue = "false") boolean workingDays, Authentication auth, RedirectAttributes flash) {
        return step(id, flash, () -> evaluations.publicise(id, days, workingDays, auth.getName()));
    }

    @PostMapping("/evaluations/{id}/score")
    String score(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return step(id, flash, () -> evaluations.scoreAfterLand(id, auth.getName()));
    }

    @PostMapping("/evaluations/{id}/recalculate")
    String recalculate(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        try {
            long next = evaluations.recalculate(id, auth.getName());
            return "redirect:/evaluations/" + next + "/diff";
        } catch (EvaluationService.Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/evaluations/" + id;
        }
    }

    @PostMapping("/evaluations/{id}/finalise")
    String finalise(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        return step(id, flash, () -> evaluations.finalise(id, auth.getName()));
    }

    @PostMapping("/evaluations/{id}/objections/{objection}/decide")
    String decide(@PathVariable long id, @PathVariable long objection, @RequestParam boolean accept,
            @RequestParam(defaultValue = "") String decision, Authentication auth, RedirectAttributes flash) {
        return step(id, flash, () -> evaluations.decide(objection, accept, decision, auth.getName()));
    }

    @GetMapping("/evaluations/{id}/policies")
    String policies(@PathVariable long id, Model model) {
        model.addAttribute("run", evaluations.runRow(id));
        model.addAttribute("policies", evaluations.policies(scope.get(), id));
        return "evaluation-policies";
    }

    @GetMapping("/evaluations/{id}/diff")
    String diff(@PathVariable long id, Model model) {
        model.addAttribute("run", evaluations.runRow(id));
        model.addAttribute("diff", evaluations.diff(scope.get(), id));
        return "evaluation-diff";
    }

    /** The 公示 list as a workbook: rank, enterprise, credit code, cohort, total, class. */
    @GetMapping("/evaluations/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        EvaluationService.RunRow run = evaluations.runRow(id);
        List<List<Object>> rows = new java.util.ArrayList<>();
        int r = 1;
        for (EvaluationService.ResultRow x : evaluations.results(scope.get(), id, null, null, null)) {
            rows.add(java.util.Arrays.asList(r++, x.name(), x.uscc(), x.parkName(), x.cohort(),
                    x.total() == null ? 0 : Math.round(x.total() * 100) / 100.0, x.rank() == null ? 0 : x.rank(),
                    x.ofCount() == null ? 0 : x.ofCount(), x.klass()));
        }
        return Sheets.xlsx("公示名单-" + run.schemeId() + "-v" + run.version() + ".xlsx", "公示名单", List.of("序号",
                "企业名称", "统一社会信用代码", "所属园区", "评价对象组", "综合得分", "组内名次", "组内企业数", "等级"), rows);
    }

    private static String step(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", "已完成 / done");
        } catch (EvaluationService.Refused e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluations/" + id;
    }
}
