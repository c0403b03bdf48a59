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
    /** Shorter ways of writing the unit in a unit cell or column: "万" for 万元. */
    private final String[] aliases;

    MoneyUnit(String label, BigDecimal toWan, String... aliases) {
        this.label = label;
        this.toWan = toWan;
        this.aliases = aliases;
    }

    public String label() {
        return label;
    }

    /** What one of this unit is in 万元: the factor a figure is multiplied by to store it. */
    public BigDecimal wanFactor() {
        return toWan;
    }

    /**
     * The unit a unit cell names, written as a whole ("万元", " 亿 ", "万"), not found inside other text as
     * {@link #find} does; empty for anything else, such as "元/千瓦时".
     */
    public static Optional<MoneyUnit> parse(String unit) {
        String key = Text.headerKey(unit);
        for (MoneyUnit u : values()) {
            if (u.label.equals(key)) {
                return Optional.of(u);
            }
            for (String alias : u.aliases) {
                if (alias.equals(key)) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
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
