package org.parkscope.web;

import org.parkscope.shared.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkscope.core.validate.Limits;
import org.parkscope.core.validate.Limits.Kind;
import org.parkscope.core.validate.Violation;

/**
 * Which domain limit each request parameter of the platform obeys, by name, wherever it is used (query strings and
 * forms alike): {@code year} is a year, {@code minArea} a non-negative figure, {@code reason} a text. Checked for every
 * request by {@link InputGuardFilter}; a parameter not listed here is left to its controller's conversion and checks.
 */
final class ParameterLimits {

    /** Kinds of date parameters: only their range is checked here; their format is the controller's to convert. */
    private static final List<String> DATES = List.of("asOf", "from", "to", "signedOn", "completionDue", "completedOn",
            "termEndsOn", "startedOn", "issuedOn", "expiresOn", "designatedOn");

    private static final Map<String, Kind> KINDS = new HashMap<>();

    static {
        put(Kind.YEAR, "year", "baselineYear");
        put(Kind.PAGE, "page");
        put(Kind.COUNT, "size", "days", "landDays");
        put(Kind.YEARS, "offsetYears", "everyYears");
        put(Kind.FLOOR, "minFloor", "maxFloor");
        put(Kind.FIGURE, "minArea", "maxArea", "minLoad", "minHeight", "maxRent", "value", "claimed");
        put(Kind.MONEY_WAN, "target");
        put(Kind.PERCENT, "tolerance");
        put(Kind.LINE, "q", "keyword", "actor", "action", "entity", "entityId", "industry", "qual", "cluster", "sort",
                "dir", "cohort", "klass", "status", "positioning", "tags", "address", "consequence", "document",
                "certificateNo", "level", "role", "use", "lang");
        put(Kind.NAME, "name", "title", "displayName", "enterprise");
        put(Kind.CODE, "username", "contractNo", "metric", "kind", "industryCode", "hqKind", "period", "department",
                "type", "scheme", "enterpriseUscc", "chain", "node");
        put(Kind.TEXT, "decision", "reason", "evidence", "note", "description", "certificates");
        put(Kind.DOCUMENT, "yaml");
    }

    private ParameterLimits() {}

    private static void put(Kind kind, String... names) {
        for (String n : names) {
            KINDS.put(n, kind);
        }
    }

    /** The first refused value of the parameter, or empty. */
    static Optional<InvalidInput.Field> check(String name, String[] values) {
        Kind kind = KINDS.get(name);
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            Optional<Violation> violation = kind != null ? Limits.check(kind, v)
                    : DATES.contains(name) ? date(v) : Optional.empty();
            if (violation.isPresent()) {
                return Optional.of(new InvalidInput.Field(name, violation.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> date(String v) {
        try {
            return Limits.check(LocalDate.parse(v.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // malformed: refused by the controller's conversion, with the parameter named
        }
    }
}
