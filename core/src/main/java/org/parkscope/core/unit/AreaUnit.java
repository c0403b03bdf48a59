package org.parkscope.core.unit;

import java.util.Locale;
import java.util.Optional;

/**
 * Units in which land and floor areas arrive. Town offices report land in 亩, contracts and surveys in m² or 公顷;
 * Parkscope stores m² and converts only at the edges (see {@link Area}).
 */
public enum AreaUnit {
    SQUARE_METRE("m²", "平方米"),
    MU("亩", "亩"),
    HECTARE("ha", "公顷");

    private final String symbol;
    private final String labelZh;

    AreaUnit(String symbol, String labelZh) {
        this.symbol = symbol;
        this.labelZh = labelZh;
    }

    /** Short symbol for display. */
    public String symbol() {
        return symbol;
    }

    /** Chinese name for display. */
    public String labelZh() {
        return labelZh;
    }

    /**
     * Recognises the spellings found in spreadsheets: m2, m², ㎡, sqm, 平方米, 平米, mu, 亩, ha, hectare(s), 公顷
     * (case and surrounding whitespace ignored).
     */
    public static Optional<AreaUnit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "m2", "m²", "㎡", "sqm", "平方米", "平米" -> Optional.of(SQUARE_METRE);
            case "mu", "亩" -> Optional.of(MU);
            case "ha", "hectare", "hectares", "公顷" -> Optional.of(HECTARE);
            default -> Optional.empty();
        };
    }
}
