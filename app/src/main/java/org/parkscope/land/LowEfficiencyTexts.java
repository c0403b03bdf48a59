package org.parkscope.land;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parkscope.core.land.Finding;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words for a low-efficiency finding: the reasons V022's rule stores as codes and figures (JSON), put into
 * sentences in Chinese and English from the message files ({@code land.finding.*}).
 */
@Component
public class LowEfficiencyTexts {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    LowEfficiencyTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The reasons of one finding ({@code reasons}: its JSON array) for the assessed {@code year}. */
    public List<Finding> reasons(String reasons, int year) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(reasons)) {
            String code = r.path("code").asString();
            out.add(new Finding(code, text(code, r, year, ZH), text(code, r, year, Locale.ENGLISH)));
        }
        return out;
    }

    private String text(String code, JsonNode r, int year, Locale locale) {
        String metric = r.path("metric").asString("");
        String years = r.path("years").asString("");
        return switch (code) {
            case "NO_TAX" -> message("land.finding.NO_TAX", locale, years, year - r.path("years").asInt() + 1, year);
            case "BELOW_CONTRACT_TAX", "BELOW_CONTRACT_OUTPUT" -> message("land.finding.BELOW_CONTRACT", locale, year,
                    message("land.finding.metric." + metric, locale), fixed(r, "actual"), fixed(r, "target"),
                    percent(r.path("share").asDouble()));
            case "BELOW_STANDARD_TAX", "BELOW_STANDARD_OUTPUT" -> message("land.finding.BELOW_STANDARD", locale, year,
                    message("land.finding.metric." + metric, locale), fixed(r, "actual"), fixed(r, "target"),
                    percent(r.path("share").asDouble()),
                    String.format(Locale.ROOT, "%.2f", r.path("share").asDouble() * r.path("target").asDouble()));
            case "COMPLETION_OVERDUE" -> r.path("completed").isMissingNode()
                    ? message("land.finding.COMPLETION_OVERDUE.open", locale, r.path("due").asString(),
                            r.path("asOf").asString(), years)
                    : message("land.finding.COMPLETION_OVERDUE.late", locale, r.path("due").asString(),
                            r.path("completed").asString(), years);
            case "PRODUCTION_STOPPED" -> message("land.finding.PRODUCTION_STOPPED", locale, years,
                    year - r.path("years").asInt() + 1);
            case "SUBLET_TAX_ELSEWHERE" -> message("land.finding.SUBLET_TAX_ELSEWHERE", locale,
                    percent(r.path("leased").asDouble()), percent(r.path("outside").asDouble()));
            default -> code;
        };
    }

    /** Arguments go in as text, so that years are not grouped (2,023) and figures keep two decimals. */
    private String message(String key, Locale locale, Object... args) {
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return messages.getMessage(key, text, locale);
    }

    private static String fixed(JsonNode r, String field) {
        return String.format(Locale.ROOT, "%.2f", r.path(field).asDouble());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", share * 100);
    }
}
