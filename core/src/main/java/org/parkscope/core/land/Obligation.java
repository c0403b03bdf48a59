package org.parkscope.core.land;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One obligation of a land contract (标准地 / 全生命周期): a yearly metric, its target per 亩 or in total, when it is
 * checked (a number of years after an event, once or every few years), the tolerance and the consequence of missing it.
 * The shape follows {@code shanghai-land.md} §2.1: {metric, target, unit, check_at (event + offset), tolerance,
 * consequence}.
 *
 * @param perMu      the target is per 亩 of the parcel (万元/亩) rather than a total
 * @param atMost     the target is a ceiling (energy, emissions) rather than a floor
 * @param event      COMPLETION (竣工) or SIGNING (签约); the 达产 check is typically COMPLETION + 2 or 3 years
 * @param everyYears 0 for a single check, otherwise the period of the periodic reviews (过程评估) after the first
 * @param tolerance  a share of the target that may be missed without consequence, e.g. 0.1
 */
public record Obligation(String metric, String label, double target, String unit, boolean perMu, boolean atMost,
        String event, int offsetYears, int everyYears, double tolerance, String consequence) {

    public enum Status { MET, MISSED, NOT_DUE, NO_DATA }

    /**
     * One check of the obligation in one year: the 达产 check ({@code FULL_PRODUCTION}) or the n-th periodic review
     * ({@code REVIEW}, {@code round} = n).
     */
    public record Check(int year, String kind, int round, double target, Double actual, Status status) {}

    public Obligation {
        if (!"COMPLETION".equals(event) && !"SIGNING".equals(event)) {
            throw new IllegalArgumentException("检查节点须为 COMPLETION 或 SIGNING / checkpoint event must be COMPLETION or"
                    + " SIGNING: " + event);
        }
        if (offsetYears < 0 || everyYears < 0 || tolerance < 0 || tolerance >= 1) {
            throw new IllegalArgumentException("年限或容差无效 / invalid years or tolerance");
        }
    }

    /**
     * The checks up to the contract's end (or {@code asOfYear} + the next one), each met, missed, not yet due or
     * without data. {@code values} holds the parcel's yearly totals of the metric.
     */
    public List<Check> evaluate(LocalDate signedOn, LocalDate completedOn, LocalDate termEndsOn, double areaMu,
            Map<Integer, Double> values, int asOfYear) {
        LocalDate base = "COMPLETION".equals(event) ? completedOn : signedOn;
        List<Check> out = new ArrayList<>();
        if (base == null) {
            out.add(new Check(0, "FULL_PRODUCTION", 0, target, null, Status.NOT_DUE));
            return out;
        }
        int first = base.getYear() + offsetYears;
        int last = termEndsOn == null ? first + Math.max(everyYears, 1) * 10 : termEndsOn.getYear();
        int n = 0;
        for (int year = first; year <= last; year += Math.max(everyYears, 1), n++) {
            String kind = n == 0 ? "FULL_PRODUCTION" : "REVIEW";
            if (year > asOfYear) {
                out.add(new Check(year, kind, n, target, null, Status.NOT_DUE));
                break; // the next one is shown as not yet due
            }
            Double v = values.get(year);
            if (v == null) {
                out.add(new Check(year, kind, n, target, null, Status.NO_DATA));
            } else {
                double actual = perMu ? (areaMu > 0 ? v / areaMu : 0) : v;
                boolean met = atMost ? actual <= target * (1 + tolerance) : actual >= target * (1 - tolerance);
                out.add(new Check(year, kind, n, target, actual, met ? Status.MET : Status.MISSED));
            }
            if (everyYears == 0) {
                break;
            }
        }
        return out;
    }
}
