package org.parkscope.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.validate.Limits;
import org.parkscope.core.validate.Limits.Kind;
import org.parkscope.core.validate.Violation;

/**
 * Checks the values of one form against the domain limits ({@link Limits}) and refuses the whole form, naming every
 * bad field, before anything is stored:
 * {@code Inputs.check().text("address", Kind.LINE, address).date("signedOn", signedOn).orThrow();}
 */
public final class Inputs {

    private final List<InvalidInput.Field> refused = new ArrayList<>();

    private Inputs() {}

    public static Inputs check() {
        return new Inputs();
    }

    public Inputs text(String field, Kind kind, @Nullable String value) {
        return add(field, Limits.check(kind, value == null ? null : value.strip()));
    }

    public Inputs number(String field, Kind kind, @Nullable BigDecimal value) {
        return add(field, Limits.check(kind, value));
    }

    public Inputs number(String field, Kind kind, @Nullable Integer value) {
        return add(field, value == null ? Optional.empty() : Limits.check(kind, value.longValue()));
    }

    public Inputs date(String field, @Nullable LocalDate value) {
        return add(field, Limits.check(value));
    }

    /** {@code start} (named by {@code field}) not after {@code end}. */
    public Inputs order(String field, @Nullable LocalDate start, @Nullable LocalDate end) {
        return add(field, Limits.order(start, end));
    }

    /** A rule of the caller's own, refused under {@code field} with the message {@code code}. */
    public Inputs require(String field, boolean ok, String code, Object... args) {
        return ok ? this : add(field, Optional.of(new Violation(code, List.of(args))));
    }

    private Inputs add(String field, Optional<Violation> violation) {
        violation.ifPresent(v -> refused.add(new InvalidInput.Field(field, v)));
        return this;
    }

    public void orThrow() {
        if (!refused.isEmpty()) {
            throw new InvalidInput(refused);
        }
    }
}
