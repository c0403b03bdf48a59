package org.parkscope.access;

/** A password has at least 10 characters, with letters and digits. */
public final class PasswordPolicy {

    private PasswordPolicy() {}

    public static void check(String password) {
        if (password == null || password.length() < 10 || password.chars().noneMatch(Character::isDigit)
                || password.chars().noneMatch(Character::isLetter)) {
            throw new IllegalArgumentException(
                    "密码至少 10 位，且须同时包含字母和数字 / a password needs at least 10 characters, with letters and digits");
        }
    }
}
