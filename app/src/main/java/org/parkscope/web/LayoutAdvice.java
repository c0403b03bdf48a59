package org.parkscope.web;

import org.jspecify.annotations.Nullable;
import org.parkscope.access.Account;
import org.parkscope.access.CurrentScope;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in account into every page's model, for the header's menu and sign-out form. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    private final CurrentScope current;

    LayoutAdvice(CurrentScope current) {
        this.current = current;
    }

    @ModelAttribute("me")
    @Nullable
    Account me() {
        return current.account().orElse(null);
    }
}
