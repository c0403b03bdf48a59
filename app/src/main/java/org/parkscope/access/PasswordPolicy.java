package org.parkscope.access;

import org.parkscope.shared.Refusal;

/** A password has at least 10 characters, with letters and digits. */
public final class PasswordPolicy {

    private PasswordPolicy() {}

    public static void check(String password) {
        if (password == null || password.length() < 10 || password.chars().noneMatch(Character::isDigit)
                || password.chars().noneMatch(Character::isLetter)) {
            throw Refusal.of("account.refused.weakPassword");
        }
    }
}
