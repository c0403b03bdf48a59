package org.parkscope.core.land;

import java.util.List;
import java.util.Set;

/**
 * Configurable criteria for low-efficiency industrial land (低效用地), after the published definitions collected in
 * {@code shanghai-land.md} §2.3 (Shanghai's own thresholds were not found, so every number is configuration). A parcel
 * is on the list when any criterion holds; each criterion that holds gives one reason. The rule that applies them is
 * one SQL function, {@code low_efficiency_reasons} (migration V022), which reads them as rows; this class is their
 * configuration only.
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
}
