package org.parkscope.chain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 招商 leads: the list (by owner, overdue follow-ups, sorted), a lead's page with its history, and the work on it. */
@Controller
class LeadController {

    private final LeadBook book;
    private final TargetService targets;

    LeadController(LeadBook book, TargetService targets) {
        this.book = book;
        this.targets = targets;
    }

    @GetMapping("/leads")
    String leads(@RequestParam(required = false) @Nullable Long owner,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "id") String sort,
            Model model) {
        LeadBook.Filter filter = new LeadBook.Filter(owner, overdue, LeadBook.SORTS.contains(sort) ? sort : "id");
        model.addAttribute("leads", book.list(filter, LocalDate.now()));
        model.addAttribute("filter", filter);
        model.addAttribute("owners", book.owners());
        model.addAttribute("sorts", LeadBook.SORTS);
        model.addAttribute("statuses", TargetService.LEAD_STATUSES);
        return "leads";
    }

    /** The list as a workbook, with the page's filter and order. */
    @GetMapping("/leads.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Long owner,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "id") String sort) {
        LeadBook.Filter filter = new LeadBook.Filter(owner, overdue, LeadBook.SORTS.contains(sort) ? sort : "id");
        List<List<Object>> rows = new ArrayList<>();
        String yes = UserMessage.of("common.yes").text();
        for (LeadBook.Row l : book.list(filter, LocalDate.now())) {
            rows.add(Arrays.asList(l.id(), l.firmName(), l.nodeName(),
                    l.parkName() == null ? null : l.parkName() + " " + l.spaceLabel(),
                    UserMessage.of("leads.status." + l.status()).text(), l.ownerName(), l.contactName(),
                    l.contactPhone(), l.nextFollowUp() == null ? null : l.nextFollowUp().toString(),
                    l.overdue() ? yes : "", l.lastEvent() == null ? null : l.lastEvent().toString(), l.note()));
        }
        String name = UserMessage.of("leads.title").text();
        return Sheets.xlsx(name + "-" + LocalDate.now() + ".xlsx", name, Sheets.titles("export.number",
                "chains.targets.firm", "chains.node", "chains.targets.space", "chains.status", "leads.owner",
                "leads.contactName", "leads.contactPhone", "leads.nextFollowUp", "leads.overdue", "leads.lastEvent",
                "leads.note"), rows);
    }

    @GetMapping("/leads/{id}")
    String lead(@PathVariable long id, Model model) {
        model.addAttribute("l", book.lead(id, LocalDate.now()).orElseThrow(() -> Refusal.notFound("lead", id)));
        model.addAttribute("history", book.history(id));
        model.addAttribute("owners", book.owners());
        model.addAttribute("statuses", TargetService.LEAD_STATUSES);
        model.addAttribute("today", LocalDate.now());
        return "lead";
    }

    @PostMapping("/leads/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes flash) {
        try {
            targets.updateLead(id, status, note);
            flash.addFlashAttribute("message", UserMessage.of("flash.saved").text());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/leads";
    }

    @PostMapping("/leads/{id}/assignment")
    @OnRefusal("/leads/{id}")
    String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long owner,
            @RequestParam(required = false) @Nullable String contactName,
            @RequestParam(required = false) @Nullable String contactPhone,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate nextFollowUp,
            RedirectAttributes flash) {
        book.assign(id, owner, contactName, contactPhone, nextFollowUp, ChainService.actor());
        flash.addFlashAttribute("message", UserMessage.of("flash.saved").text());
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/follow-ups")
    @OnRefusal("/leads/{id}")
    String followUp(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate happenedOn,
            @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate nextFollowUp,
            RedirectAttributes flash) {
        book.followUp(id, happenedOn == null ? LocalDate.now() : happenedOn, note, status, nextFollowUp,
                ChainService.actor());
        flash.addFlashAttribute("message", UserMessage.of("flash.saved").text());
        return "redirect:/leads/" + id;
    }
}
