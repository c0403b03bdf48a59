package org.parkscope.access;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.shared.EnterpriseLookup;
import org.parkscope.shared.OnRefusal;
import org.parkscope.shared.Scope;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration for town administrators: list, create (with a one-time password), enable and disable, reset
 * a password to a one-time password.
 */
@Controller
class AdminController {

    private final AccountStore accounts;
    private final AuditLog audit;
    private final CurrentScope current;
    private final EnterpriseLookup enterprises;
    private final MessageSource messages;

    AdminController(AccountStore accounts, AuditLog audit, CurrentScope current, EnterpriseLookup enterprises,
            MessageSource messages) {
        this.accounts = accounts;
        this.audit = audit;
        this.current = current;
        this.enterprises = enterprises;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("operators", accounts.operators());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    @OnRefusal("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
            @RequestParam(required = false) @Nullable Long operatorId,
            @RequestParam(required = false) @Nullable String enterpriseUscc, RedirectAttributes flash) {
        Long enterpriseId = null;
        if (role == Role.ENTERPRISE_USER) {
            enterpriseId = enterprises.byUscc(Scope.town(), enterpriseUscc == null ? "" : enterpriseUscc)
                    .orElseThrow(() -> Refusal.of("account.refused.noEnterprise"));
        }
        if (role == Role.PARK_OPERATOR && operatorId == null) {
            throw Refusal.of("account.refused.noOperator");
        }
        String password = AccountStore.randomPassword();
        long id = accounts.create(username.trim(), displayName.trim(), password, role,
                role == Role.PARK_OPERATOR ? operatorId : null, enterpriseId, true);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", username.trim());
        after.put("role", role.name());
        after.put("operatorId", role == Role.PARK_OPERATOR ? operatorId : null);
        after.put("enterpriseId", enterpriseId);
        audit.record("CREATE", "user", id, null, enterpriseId, null, after);
        flash.addFlashAttribute("message", UserMessage.of("account.created", password).text());
        return "redirect:/admin/users";
    }

    /** Disabling ends the account's sessions at their next request; one's own account is not disabled here. */
    @PostMapping("/admin/users/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash, Locale locale) {
        Account before = user(id);
        if (!enabled && isMe(before)) {
            flash.addFlashAttribute("error", messages.getMessage("users.self", null, locale));
            return "redirect:/admin/users";
        }
        accounts.setEnabled(id, enabled);
        audit.record("UPDATE", "user", id, null, null, Map.of("enabled", before.enabled()), Map.of("enabled", enabled));
        return "redirect:/admin/users";
    }

    /** A new one-time password, shown once; the account's sessions end. One's own is changed on the account page. */
    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        Account user = user(id);
        if (isMe(user)) {
            flash.addFlashAttribute("error", messages.getMessage("users.self", null, locale));
            return "redirect:/admin/users";
        }
        String password = AccountStore.randomPassword();
        accounts.setPassword(id, password, true);
        audit.record("UPDATE", "user_password", id, null, null, null, Map.of("username", user.username(), "reset", true));
        flash.addFlashAttribute("message",
                messages.getMessage("users.resetDone", new Object[] {user.username(), password}, locale));
        return "redirect:/admin/users";
    }

    private Account user(long id) {
        return accounts.findById(id).orElseThrow(() -> Refusal.notFound("user", id));
    }

    private boolean isMe(Account account) {
        return current.account().map(Account::id).filter(me -> me == account.id()).isPresent();
    }
}
