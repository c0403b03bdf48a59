package org.parkscope.park;

import org.jspecify.annotations.Nullable;
import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Town administrators edit a park's positioning, industry tags and address. */
@Controller
class ParkEditController {

    private final ParkQueries queries;
    private final ParkCommands commands;
    private final CurrentScope scope;

    ParkEditController(ParkQueries queries, ParkCommands commands, CurrentScope scope) {
        this.queries = queries;
        this.commands = commands;
        this.scope = scope;
    }

    @GetMapping("/parks/{id}/edit")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("park", queries.detail(scope.get(), id).orElseThrow(() -> Refusal.notFound("park", id)));
        return "park-edit";
    }

    @PostMapping("/parks/{id}/edit")
    String update(@PathVariable long id, @RequestParam(required = false) @Nullable String positioning,
            @RequestParam(required = false) @Nullable String tags,
            @RequestParam(required = false) @Nullable String address, RedirectAttributes flash) {
        commands.update(scope.get(), id, positioning, tags, address);
        flash.addFlashAttribute("message", UserMessage.of("flash.saved").text());
        return "redirect:/parks/" + id;
    }
}
