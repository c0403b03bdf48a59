package org.parkscope.chain;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Confirmation;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People's decisions on placements and the 链主 designations. */
@Controller
class ChainDecisionController {

    private final ChainDecisions decisions;
    private final CurrentScope scope;
    private final ChainRequests requests;

    ChainDecisionController(ChainDecisions decisions, CurrentScope scope, ChainRequests requests) {
        this.decisions = decisions;
        this.scope = scope;
        this.requests = requests;
    }

    @PostMapping("/chains/{id}/nodes/{node}/decisions")
    String decide(@PathVariable String id, @PathVariable String node, @RequestParam String enterprise,
            @RequestParam String decision, @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String back,
            RedirectAttributes flash) {
        Chain c = requests.chain(id);
        requests.node(c, node);
        String page = "review".equals(back) ? "/chains/review?chain=" + id : "/chains/" + id + "/nodes/" + node;
        try { // not @OnRefusal: the page to go back to depends on a parameter
            long enterpriseId = decisions.resolveEnterprise(scope.get(), enterprise);
            decisions.decide(enterpriseId, node, decision, role, reason == null ? "" : reason);
            flash.addFlashAttribute("message", UserMessage.of("chains.flash.recorded").text());
        } catch (Refusal e) {
            flash.addFlashAttribute("error", e.text());
        }
        return "redirect:" + page;
    }

    /** The review queue's bulk action: the selected placements confirmed or rejected in one step, with one reason. */
    @PostMapping("/chains/review/decisions")
    @OnRefusal("/chains/review")
    String decideMany(@RequestParam(name = "item", required = false) @Nullable List<String> items,
            @RequestParam String decision, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @Nullable String chain, @RequestParam(defaultValue = "0") int page,
            RedirectAttributes flash) {
        int n = decisions.decideAll(scope.get(), items == null ? List.of() : items, decision, reason);
        flash.addFlashAttribute("message", UserMessage.of("CONFIRMED".equals(decision) ? "chains.bulk.confirmed"
                : "chains.bulk.rejected", n).text());
        String c = chain == null || chain.isBlank() ? null : requests.chain(chain).id();
        return "redirect:/chains/review?page=" + Math.max(0, page) + (c == null ? "" : "&chain=" + c);
    }

    @PostMapping("/chains/{id}/nodes/{node}/decisions/{enterprise}/withdraw")
    String withdraw(@PathVariable String id, @PathVariable String node, @PathVariable long enterprise,
            RedirectAttributes flash, HttpServletRequest request, Model model) {
        requests.node(requests.chain(id), node);
        if (!Confirmation.given(request)) {
            return Confirmation.ask(model, request, UserMessage.of("confirm.withdraw"), "/chains/" + id + "/nodes/" + node);
        }
        decisions.withdraw(enterprise, node);
        flash.addFlashAttribute("message", UserMessage.of("chains.flash.withdrawn").text());
        return "redirect:/chains/" + id + "/nodes/" + node;
    }

    @PostMapping("/chains/{id}/designations")
    @OnRefusal("/chains/{id}")
    String designate(@PathVariable String id, @RequestParam String enterprise, @RequestParam String document,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate designatedOn,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes flash) {
        requests.chain(id);
        long e = decisions.resolveEnterprise(scope.get(), enterprise);
        decisions.designate(id, e, document, designatedOn, note);
        flash.addFlashAttribute("message", UserMessage.of("chains.flash.designated").text());
        return "redirect:/chains/" + id;
    }
}
