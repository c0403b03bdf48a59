package org.parkscope.core.code;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of validating one raw input. Validators do not throw on bad user input: they return every finding at once
 * so that an import screen can show all of them, and they still return the canonical value whenever the input could
 * be parsed (so a value with only warnings, or even a checksum error, can be displayed in its normalised form).
 *
 * @param value    canonical value when the input was parseable, otherwise {@code null}
 * @param problems all findings, never {@code null}; an empty list means the input is clean
 * @param <T>      type of the canonical value
 */
public record CheckResult<T>(T value, List<Problem> problems) {

    public CheckResult {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** A clean result without findings. */
    public static <T> CheckResult<T> valid(T value) {
        return new CheckResult<>(value, List.of());
    }

    /** True when no finding is an {@link Severity#ERROR}; warnings do not make a result fail. */
    public boolean ok() {
        return errors().isEmpty();
    }

    /** True when at least one finding is a {@link Severity#WARNING}. */
    public boolean hasWarnings() {
        return !warnings().isEmpty();
    }

    /** The findings that block the value. */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** The findings that may be overridden. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
