package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, and one's own account: password change and API tokens. */
@Controller
class AccountController {

    private final AccountStore accounts;
    private final CurrentScope current;
    private final AuditLog audit;

    private final boolean demo;

    AccountController(AccountStore accounts, CurrentScope current, AuditLog audit,
            @Value("${parkscope.demo.enabled:false}") boolean demo) {
        this.accounts = accounts;
        this.current = current;
        this.audit = audit;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String wait, Model model) {
        if (wait != null && wait.matches("\\d{1,4}")) {
            model.addAttribute("waitSeconds", Integer.parseInt(wait)); // set by SignInThrottleFilter and LoginHandlers
        }
        model.addAttribute("demo", demo);
        model.addAttribute("demoPassword", AccessBootstrap.DEMO_PASSWORD);
        return "login";
    }

    @GetMapping("/account")
    String account(Model model) {
        Account me = current.account().orElseThrow();
        model.addAttribute("account", me);
        model.addAttribute("tokens", accounts.tokens(me.id()));
        return "account";
    }

    @PostMapping("/account/password")
    @OnRefusal("/account")
    String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
            RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        Account me = this.current.account().orElseThrow();
        if (!accounts.passwordMatches(me.id(), current)) {
            throw Refusal.of("account.refused.wrongPassword");
        }
        if (!password.equals(repeat)) {
            throw Refusal.of("account.refused.passwordsDiffer");
        }
        accounts.setPassword(me.id(), password, false);
        SessionAccount.store(accounts.findById(me.id()).orElseThrow(), request, response);
        audit.record("UPDATE", "user_password", me.id(), null, null, null, Map.of("username", me.username()));
        flash.addFlashAttribute("message", UserMessage.of("account.passwordChanged").text());
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String issueToken(@RequestParam String name, RedirectAttributes flash) {
        Account me = current.account().orElseThrow();
        String label = name.isBlank() ? "token" : name.trim();
        String token = accounts.issueToken(me.id(), label);
        audit.record("CREATE", "api_token", null, null, null, null, Map.of("user", me.username(), "name", label));
        flash.addFlashAttribute("newToken", token);
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        if (!org.parkscope.shared.Confirmation.given(request)) {
            return org.parkscope.shared.Confirmation.ask(model, request, UserMessage.of("confirm.revoke"), "/account");
        }
        Account me = current.account().orElseThrow();
        if (accounts.revokeToken(me.id(), id)) {
            audit.record("DELETE", "api_token", id, null, null, Map.of("revoked", false), Map.of("revoked", true));
        }
        return "redirect:/account";
    }
}
