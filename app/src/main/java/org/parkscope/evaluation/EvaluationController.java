package org.parkscope.evaluation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.evaluation.EvaluationService.ResultFilter;
import org.parkscope.evaluation.EvaluationService.RunRow;
import org.parkscope.access.CurrentScope;
import org.parkscope.attachment.Attachments;
import org.parkscope.attachment.FileKind;
import org.parkscope.shared.Confirmation;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.ParkOptions;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evaluation runs: list and start (computed in the background, its progress polled), one page of the ranking, an
 * enterprise's explanation and objections, the process steps, 公示 export, the measures and the diff.
 */
@Controller
class EvaluationController {

    static final int PAGE_SIZE = 50;

    private final EvaluationService evaluations;
    private final CurrentScope scope;
    private final ParkOptions parkOptions;
    private final MessageSource messages;
    private final Attachments attachments;

    EvaluationController(EvaluationService evaluations, CurrentScope scope, ParkOptions parkOptions,
            MessageSource messages, Attachments attachments) {
        this.attachments = attachments;
        this.evaluations = evaluations;
        this.scope = scope;
        this.parkOptions = parkOptions;
        this.messages = messages;
    }

    /** The runs; an enterprise user sees instead its own published results (its 亩均 home). */
    @GetMapping("/evaluations")
    String list(Model model) {
        Long firm = scope.get().enterpriseId();
        if (firm != null) {
            model.addAttribute("firm", firm);
            model.addAttribute("results", evaluations.firmResults(firm));
            model.addAttribute("today", LocalDate.now());
            return "firm-evaluations";
        }
        model.addAttribute("runs", evaluations.runs());
        model.addAttribute("schemes", evaluations.shippedSchemes());
        return "evaluations";
    }

    /** Starts a run in the background and shows its progress page. */
    @PostMapping("/evaluations")
    @OnRefusal("/evaluations")
    String create(@RequestParam String scheme, @RequestParam(defaultValue = "0") int landDays,
            @RequestParam(defaultValue = "false") boolean workingDays, @RequestParam(required = false) @Nullable Integer year,
            Authentication auth) {
        long run = evaluations.start(scheme, auth.getName(), Math.max(0, Math.min(30, landDays)), workingDays, year);
        return "redirect:/evaluations/" + run;
    }

    @GetMapping("/evaluations/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) @Nullable String cohort,
            @RequestParam(required = false) @Nullable String klass, @RequestParam(required = false) @Nullable Long park,
            @RequestParam(required = false) @Nullable String industry, @RequestParam(defaultValue = "0") int page,
            Model model) {
        RunRow run = evaluations.runRow(id);
        model.addAttribute("run", run);
        if (run.status().isRunning() || run.status().isFailed()) {
            return "evaluation-progress";
        }
        ResultFilter filter = new ResultFilter(cohort, klass, park,
                industry == null || !industry.matches("\\d{2,4}") ? null : industry);
        model.addAttribute("scheme", evaluations.scheme(id));
        model.addAttribute("results", evaluations.results(scope.get(), id, filter, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("counts", evaluations.classCounts(scope.get(), id));
        if (scope.get().allParks()) { // the findings name firms across the town: town staff only
            model.addAttribute("checks", evaluations.checks(id));
        }
        var objections = evaluations.objections(scope.get(), id);
        model.addAttribute("objections", objections);
        model.addAttribute("files", attachments.of(Attachments.Owner.OBJECTION,
                objections.stream().map(o -> o.id()).toList()));
        model.addAttribute("land", run.status().landOnly() ? evaluations.land(scope.get(), id) : List.of());
        model.addAttribute("parks", parkOptions.list(scope.get()));
        model.addAttribute("filter", Map.of("cohort", cohort == null ? "" : cohort, "klass", klass == null ? "" : klass,
                "park", park == null ? "" : String.valueOf(park), "industry", industry == null ? "" : industry));
        return "evaluation";
    }

    /** The progress of a run (polled by its page): the fragment while it runs, a redirect to the results when done. */
    @GetMapping("/evaluations/{id}/status")
    String status(@PathVariable long id, Model model, HttpServletResponse response) {
        RunRow run = evaluations.runRow(id);
        model.addAttribute("run", run);
        if (!run.status().isRunning()) {
            response.setHeader("HX-Redirect", "/evaluations/" + id);
        }
        return "evaluation-progress :: status";
    }

    /**
     * One enterprise's explanation and objections. An enterprise user sees only runs published to the evaluated firms
     * ({@code RunStatus.shownToEnterprises}): a scored draft or a superseded version is "not found" for it.
     */
    @GetMapping("/evaluations/{id}/enterprises/{enterprise}")
    String enterprise(@PathVariable long id, @PathVariable long enterprise, Model model) {
        RunRow run = evaluations.runRow(id);
        if (scope.get().enterpriseId() != null && !run.status().shownToEnterprises()) {
            throw Refusal.notFound("evaluation run", id);
        }
        model.addAttribute("run", run);
        model.addAttribute("e", evaluations.explanation(scope.get(), id, enterprise)
                .orElseThrow(() -> Refusal.notFound("enterprise", enterprise)));
        var objections = evaluations.objections(scope.get(), id).stream()
                .filter(o -> o.enterpriseId() == enterprise).toList();
        model.addAttribute("objections", objections);
        model.addAttribute("files", attachments.of(Attachments.Owner.OBJECTION,
                objections.stream().map(o -> o.id()).toList()));
        return "evaluation-enterprise";
    }

    @PostMapping("/evaluations/{id}/enterprises/{enterprise}/objections")
    @OnRefusal("/evaluations/{id}/enterprises/{enterprise}")
    String object(@PathVariable long id, @PathVariable long enterprise, @RequestParam String metric,
            @RequestParam(required = false) @Nullable Double claimed, @RequestParam String reason,
            @RequestParam(required = false) @Nullable String evidence,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Authentication auth,
            RedirectAttributes flash) throws IOException {
        byte[] document = file == null || file.isEmpty() ? null : file.getBytes();
        if (document != null) {
            FileKind.check(String.valueOf(file.getOriginalFilename()), document); // refused before anything is kept
        }
        step(flash, "eval.objectionFiled", () -> {
            long objection = evaluations.object(scope.get(), id, enterprise, metric, claimed, reason, evidence,
                    auth.getName());
            if (document != null) {
                attachments.store(Attachments.Owner.OBJECTION, objection, null, enterprise, file.getOriginalFilename(),
                        document);
            }
        });
        return "redirect:/evaluations/" + id + "/enterprises/" + enterprise;
    }

    @PostMapping("/evaluations/{id}/publicise")
    @OnRefusal("/evaluations/{id}")
    String publicise(@PathVariable long id, @RequestParam(defaultValue = "5") int days,
            @RequestParam(defaultValue = "false") boolean workingDays, Authentication auth, RedirectAttributes flash,
            HttpServletRequest request, Model model) {
        if (!Confirmation.given(request)) {
            RunRow run = evaluations.runRow(id);
            return Confirmation.ask(model, request, UserMessage.of("confirm.publicise", evaluations.scheme(id).region(), run.year(),
                    run.version(), days), "/evaluations/" + id);
        }
        step(flash, "eval.done", () -> evaluations.publicise(id, days, workingDays, auth.getName()));
        return "redirect:/evaluations/" + id;
    }

    /** A town administrator acknowledges one pre-publication finding, with the reason it may be published. */
    @PostMapping("/evaluations/{id}/checks/{finding}/acknowledge")
    @OnRefusal("/evaluations/{id}")
    String acknowledge(@PathVariable long id, @PathVariable long finding, @RequestParam(defaultValue = "") String reason,
            Authentication auth, RedirectAttributes flash) {
        step(flash, "eval.check.acknowledged", () -> evaluations.acknowledge(id, finding, reason, auth.getName()));
        return "redirect:/evaluations/" + id + "#checks";
    }

    @PostMapping("/evaluations/{id}/score")
    @OnRefusal("/evaluations/{id}")
    String score(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        step(flash, "eval.done", () -> evaluations.scoreAfterLand(id, auth.getName()));
        return "redirect:/evaluations/" + id;
    }

    @PostMapping("/evaluations/{id}/recalculate")
    @OnRefusal("/evaluations/{id}")
    String recalculate(@PathVariable long id, Authentication auth) {
        long next = evaluations.recalculate(id, auth.getName());
        return "redirect:/evaluations/" + next + "/diff";
    }

    @PostMapping("/evaluations/{id}/finalise")
    @OnRefusal("/evaluations/{id}")
    String finalise(@PathVariable long id, Authentication auth, RedirectAttributes flash, HttpServletRequest request,
            Model model) {
        if (!Confirmation.given(request)) {
            RunRow run = evaluations.runRow(id);
            return Confirmation.ask(model, request, UserMessage.of("confirm.finalise", evaluations.scheme(id).region(), run.year(),
                    run.version()), "/evaluations/" + id);
        }
        step(flash, "eval.done", () -> evaluations.finalise(id, auth.getName()));
        return "redirect:/evaluations/" + id;
    }

    @PostMapping("/evaluations/{id}/objections/{objection}/decide")
    @OnRefusal("/evaluations/{id}")
    String decide(@PathVariable long id, @PathVariable long objection, @RequestParam boolean accept,
            @RequestParam(defaultValue = "") String decision, Authentication auth, RedirectAttributes flash,
            HttpServletRequest request, Model model) {
        if (!Confirmation.given(request)) {
            return Confirmation.ask(model, request, UserMessage.of(accept ? "confirm.objection.accept"
                    : "confirm.objection.reject", objection), "/evaluations/" + id);
        }
        step(flash, "eval.done", () -> evaluations.decide(objection, accept, decision, auth.getName()));
        return "redirect:/evaluations/" + id;
    }

    /** The objection queue's bulk decision: the ticked objections accepted or rejected together, after confirming. */
    @PostMapping("/evaluations/{id}/objections/decisions")
    @OnRefusal("/evaluations/{id}")
    String decideMany(@PathVariable long id, @RequestParam(name = "objection", required = false) @Nullable List<Long> ids,
            @RequestParam boolean accept, @RequestParam(defaultValue = "") String decision, Authentication auth,
            RedirectAttributes flash, HttpServletRequest request, Model model) {
        List<Long> chosen = ids == null ? List.of() : ids;
        if (chosen.isEmpty()) {
            throw Refusal.of("eval.bulk.none");
        }
        if (!Confirmation.given(request)) {
            return Confirmation.ask(model, request, UserMessage.of(accept ? "confirm.objections.accept"
                    : "confirm.objections.reject", chosen.size()), "/evaluations/" + id);
        }
        int n = evaluations.decideAll(id, chosen, accept, decision, auth.getName());
        flash.addFlashAttribute("message", text(accept ? "eval.bulk.accepted" : "eval.bulk.rejected", n));
        return "redirect:/evaluations/" + id;
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
        RunRow run = evaluations.runRow(id);
        List<List<Object>> rows = new ArrayList<>();
        int r = 1;
        for (EvaluationService.ResultRow x : evaluations.results(scope.get(), id, null, null, null)) {
            rows.add(Arrays.asList(r++, x.name(), x.uscc(), x.parkName(), x.cohort(),
                    x.total() == null ? 0 : Math.round(x.total() * 100) / 100.0, x.rank() == null ? 0 : x.rank(),
                    x.ofCount() == null ? 0 : x.ofCount(), x.klass()));
        }
        return Sheets.xlsx(text("eval.export.file", run.schemeId(), run.version()), text("eval.export.sheet"),
                Arrays.stream(text("eval.export.columns").split("\\|")).toList(), rows);
    }

    private void step(RedirectAttributes flash, String done, Runnable action) {
        action.run();
        flash.addFlashAttribute("message", text(done));
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
