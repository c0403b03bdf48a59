package org.parkscope.core.parse;

import java.math.BigDecimal;
import java.util.Optional;

/** Units of money found in headers and unit columns; figures are stored in 万元. */
public enum MoneyUnit {
    YUAN("元", new BigDecimal("0.0001")),
    THOUSAND_YUAN("千元", new BigDecimal("0.1")),
    WAN_YUAN("万元", BigDecimal.ONE, "万"),
    YI_YUAN("亿元", new BigDecimal("10000"), "亿");

    private final String label;
    private final BigDecimal toWan;
    private final String shortLabel;

    MoneyUnit(String label, BigDecimal toWan) {
        this(label, toWan, label);
    }

    MoneyUnit(String label, BigDecimal toWan, String shortLabel) {
        this.label = label;
        this.toWan = toWan;
        this.shortLabel = shortLabel;
    }

    /** The factor from this unit to 万元. */
    public BigDecimal toWanFactor() {
        return toWan;
    }

    /** The unit a unit cell names exactly: its label ("万元") or short form ("万", "亿"). */
    public static Optional<MoneyUnit> named(String unit) {
        for (MoneyUnit u : values()) {
            if (u.label.equals(unit) || u.shortLabel.equals(unit)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return label;
    }

    /** The value in 万元, exact. */
    public BigDecimal toWan(BigDecimal value) {
        return value.multiply(toWan).stripTrailingZeros();
    }

    /** Finds a unit in a header such as "税收(元)", "营业收入（万元）" or a unit cell such as "亿元". */
    public static Optional<MoneyUnit> find(String text) {
        String s = Text.clean(text);
        if (s == null) {
            return Optional.empty();
        }
        // the longest label first: "万元" and "亿元" both end in "元"
        for (MoneyUnit u : new MoneyUnit[] {YI_YUAN, WAN_YUAN, THOUSAND_YUAN}) {
            if (s.contains(u.label)) {
                return Optional.of(u);
            }
        }
        return s.contains("元") ? Optional.of(YUAN) : Optional.empty();
    }
}
