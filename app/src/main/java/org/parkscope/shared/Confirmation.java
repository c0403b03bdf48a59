package org.parkscope.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The second step of an irreversible action (定稿, 公示, deleting, rolling back, withdrawing, revoking): the server does
 * the action only when the form carries {@code confirm=yes}. A form without it gets the confirmation page instead —
 * the consequence in the user's words, the same form again with every field kept and {@code confirm=yes} added, and a
 * way back. A script's {@code confirm()} is no part of it: a request that skips the page is simply asked again.
 */
public final class Confirmation {

    /** The form field that says the user has seen the consequence and confirmed. */
    public static final String FIELD = "confirm";

    private Confirmation() {}

    /** Whether the request carries the confirmation. */
    public static boolean given(HttpServletRequest request) {
        return "yes".equals(request.getParameter(FIELD));
    }

    /**
     * Fills the model for the confirmation page and returns its view name: the consequence, the action posted to
     * again (this request's path) with the fields the form sent, and the page to go back to.
     */
    public static String ask(Model model, HttpServletRequest request, UserMessage consequence, String back) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(FIELD) && !name.equals("_csrf")) {
                for (String v : values) {
                    fields.add(Map.entry(name, v));
                }
            }
        });
        model.addAttribute("consequence", consequence.text());
        model.addAttribute("confirmAction", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("confirmFields", fields);
        model.addAttribute("confirmBack", back);
        return "confirm";
    }
}
