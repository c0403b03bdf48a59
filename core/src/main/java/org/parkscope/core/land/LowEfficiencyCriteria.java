package org.parkscope.core.land;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Configurable criteria for low-efficiency industrial land (低效用地), after the published definitions collected in
 * {@code shanghai-land.md} §2.3 (Shanghai's own thresholds were not found, so every number is configuration). A parcel
 * is on the list when any criterion holds; each criterion that holds gives one reason.
 */
public final class LowEfficiencyCriteria {

    /** One criterion. */
    public sealed interface Criterion permits NoTax, BelowContract, BelowStandard, CompletionOverdue,
            ProductionStopped, SubletElsewhere {}

    /**
     * No tax paid on the parcel in each of the last {@code years} years (Minhou: ≥ 2 years). Years without any figure
     * stored are not taken as "no tax": the criterion needs figures for each of them.
     */
    public record NoTax(int years) implements Criterion {}

    /**
     * Tax or output per 亩 below {@code share} of the contract's target in the last year, once completed for at least
     * {@code minYearsInUse} years (generic standard: completed ≥ 2 years and below 50 %).
     */
    public record BelowContract(String metric, double share, int minYearsInUse) implements Criterion {}

    /**
     * Tax or output per 亩 below {@code share} × {@code standardPerMu} (万元/亩) in the last year, for parcels of the
     * listed land uses, once completed for at least {@code minYearsInUse} years.
     */
    public record BelowStandard(String metric, double standardPerMu, double share, Set<String> landUses,
            int minYearsInUse) implements Criterion {}

    /** Completion more than {@code years} years past the contract's date. */
    public record CompletionOverdue(int years) implements Criterion {}

    /** Occupied, but no output (or revenue) in each of the last {@code years} years after earlier output. */
    public record ProductionStopped(int years) implements Criterion {}

    /**
     * Mostly let: leased area at least {@code leasedShare} of the floor area, and tenants paying tax outside the town
     * hold at least {@code outsideShare} of the leased area (Minhou's "poor integrity", the 厂中厂 pattern).
     */
    public record SubletElsewhere(double leasedShare, double outsideShare) implements Criterion {}

    private final List<Criterion> criteria;

    public LowEfficiencyCriteria(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("至少需要一条低效用地认定标准 / at least one criterion is needed");
        }
        this.criteria = List.copyOf(criteria);
    }

    public List<Criterion> criteria() {
        return criteria;
    }

    /**
     * The reasons the parcel is low-efficiency land; empty when it is not. A year whose figures have not been stored
     * never counts against a parcel.
     */
    public List<Finding> evaluate(LandFacts f) {
        List<Finding> out = new ArrayList<>();
        int y = f.asOfYear();
        double mu = f.areaMu();
        boolean hasYear = f.taxWan().containsKey(y);
        for (Criterion c : criteria) {
            if (c instanceof NoTax n) {
                boolean none = n.years() > 0;
                for (int k = 0; k < n.years(); k++) {
                    none &= f.taxWan().containsKey(y - k) && f.tax(y - k) <= 0;
                }
                if (none) {
                    out.add(new Finding("NO_TAX", String.format(Locale.ROOT, "连续 %d 年（%d–%d）无税收", n.years(),
                            y - n.years() + 1, y), String.format(Locale.ROOT, "No tax paid for %d years (%d–%d)",
                            n.years(), y - n.years() + 1, y)));
                }
            } else if (c instanceof BelowContract b) {
                Double target = "TAX".equals(b.metric()) ? f.contractTaxPerMu() : f.contractOutputPerMu();
                if (target != null && target > 0 && mu > 0 && hasYear && inUse(f, b.minYearsInUse())) {
                    double actual = ("TAX".equals(b.metric()) ? f.tax(y) : f.output(y)) / mu;
                    if (actual < b.share() * target) {
                        out.add(new Finding("BELOW_CONTRACT_" + b.metric(),
                                String.format(Locale.ROOT, "%d 年亩均%s %.2f 万元/亩，低于出让合同约定 %.2f 的 %.0f%%", y,
                                        zh(b.metric()), actual, target, b.share() * 100),
                                String.format(Locale.ROOT, "%s per mu in %d was %.2f 万元, below %.0f%% of the contract's"
                                        + " %.2f", en(b.metric()), y, actual, b.share() * 100, target)));
                    }
                }
            } else if (c instanceof BelowStandard b) {
                if ((b.landUses().isEmpty() || b.landUses().contains(f.landUse())) && inUse(f, b.minYearsInUse())
                        && mu > 0 && f.occupants() > 0 && hasYear) {
                    double actual = ("TAX".equals(b.metric()) ? f.tax(y) : f.output(y)) / mu;
                    double bar = b.share() * b.standardPerMu();
                    if (actual < bar) {
                        out.add(new Finding("BELOW_STANDARD_" + b.metric(),
                                String.format(Locale.ROOT, "%d 年亩均%s %.2f 万元/亩，低于标准 %.2f 的 %.0f%%（%.2f）", y,
                                        zh(b.metric()), actual, b.standardPerMu(), b.share() * 100, bar),
                                String.format(Locale.ROOT, "%s per mu in %d was %.2f 万元, below %.0f%% of the standard"
                                        + " %.2f (%.2f)", en(b.metric()), y, actual, b.share() * 100, b.standardPerMu(),
                                        bar)));
                    }
                }
            } else if (c instanceof CompletionOverdue o) {
                LocalDate due = f.completionDue();
                LocalDate asOf = LocalDate.of(y, 12, 31);
                if (due != null && due.plusYears(o.years()).isBefore(f.completedOn() == null ? asOf : f.completedOn())) {
                    out.add(f.completedOn() == null
                            ? new Finding("COMPLETION_OVERDUE", "合同约定 " + due + " 竣工，至 " + asOf + " 仍未竣工，逾期超过 "
                                    + o.years() + " 年", "Completion was due on " + due + " and is still outstanding on "
                                    + asOf + ", more than " + o.years() + " years late")
                            : new Finding("COMPLETION_OVERDUE", "合同约定 " + due + " 竣工，实际 " + f.completedOn()
                                    + " 竣工，逾期超过 " + o.years() + " 年", "Completion was due on " + due
                                    + " and came on " + f.completedOn() + ", more than " + o.years() + " years late"));
                }
            } else if (c instanceof ProductionStopped p) {
                boolean stopped = f.occupants() > 0 && p.years() > 0;
                for (int k = 0; k < p.years(); k++) {
                    stopped &= f.outputWan().containsKey(y - k) && f.output(y - k) <= 0;
                }
                boolean earlier = f.outputWan().entrySet().stream()
                        .anyMatch(e -> e.getKey() <= y - p.years() && e.getValue() > 0);
                if (stopped && earlier) {
                    out.add(new Finding("PRODUCTION_STOPPED",
                            String.format(Locale.ROOT, "停产已满 %d 年（%d 年起无产值、无营收）", p.years(), y - p.years() + 1),
                            String.format(Locale.ROOT, "Production stopped for %d years (no output or revenue since %d)",
                                    p.years(), y - p.years() + 1)));
                }
            } else if (c instanceof SubletElsewhere s) {
                if (f.floorAreaM2() > 0 && f.leasedM2() > 0) {
                    double leased = f.leasedM2() / f.floorAreaM2();
                    double outside = f.leasedOutsideM2() / f.leasedM2();
                    if (leased >= s.leasedShare() && outside >= s.outsideShare()) {
                        out.add(new Finding("SUBLET_TAX_ELSEWHERE",
                                String.format(Locale.ROOT, "%.0f%% 的建筑面积出租，其中 %.0f%% 由在镇外纳税的企业承租（厂中厂）",
                                        leased * 100, outside * 100),
                                String.format(Locale.ROOT, "%.0f%% of the floor area is let, %.0f%% of it to tenants paying"
                                        + " tax outside the town", leased * 100, outside * 100)));
                    }
                }
            }
        }
        return out;
    }

    /** The longest look-back any criterion needs, in years (for fetching figures). */
    public int yearsNeeded() {
        int n = 1;
        for (Criterion c : criteria) {
            if (c instanceof NoTax t) {
                n = Math.max(n, t.years());
            } else if (c instanceof ProductionStopped p) {
                n = Math.max(n, p.years() + 3); // and a few years before, to find the output that stopped
            }
        }
        return n;
    }

    /**
     * Completed at least {@code years} years before the end of the assessed year. A contract that is not completed
     * yet is not in use; a parcel without contract dates is taken as in use.
     */
    private static boolean inUse(LandFacts f, int years) {
        if (f.completedOn() != null) {
            return f.completedOn().getYear() + years <= f.asOfYear();
        }
        return f.completionDue() == null;
    }

    private static String zh(String metric) {
        return "TAX".equals(metric) ? "税收" : "产值";
    }

    private static String en(String metric) {
        return "TAX".equals(metric) ? "Tax" : "Output";
    }
}
