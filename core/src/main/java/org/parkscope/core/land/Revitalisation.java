package org.parkscope.core.land;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured effect of a revitalisation (收储, 改造, 转让, 腾笼换鸟 …): the site's figures in its baseline year and in
 * each later year, per 亩 and as a multiple of the baseline.
 */
public final class Revitalisation {

    private Revitalisation() {}

    /** The site's figures in one year: the sums over its occupants in that year, each enterprise once. */
    public record YearFigures(int year, int occupants, double taxWan, double revenueWan, double outputWan,
            double salesWan) {}

    /** One year of the effect, with the multiple of the baseline's tax (null when the baseline had none). */
    public record Effect(int year, boolean baseline, int occupants, double taxWan, double taxPerMu, double revenueWan,
            double outputWan, double salesWan, Double taxMultiple) {}

    public static List<Effect> effect(int baselineYear, double areaMu, List<YearFigures> years) {
        Map<Integer, YearFigures> byYear = new TreeMap<>();
        for (YearFigures y : years) {
            byYear.put(y.year(), y);
        }
        YearFigures base = byYear.get(baselineYear);
        List<Effect> out = new ArrayList<>();
        for (YearFigures y : byYear.values()) {
            if (y.year() < baselineYear) {
                continue;
            }
            Double multiple = base == null || base.taxWan() <= 0 ? null : y.taxWan() / base.taxWan();
            out.add(new Effect(y.year(), y.year() == baselineYear, y.occupants(), y.taxWan(),
                    areaMu > 0 ? y.taxWan() / areaMu : 0, y.revenueWan(), y.outputWan(), y.salesWan(), multiple));
        }
        return out;
    }
}
