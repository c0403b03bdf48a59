package org.parkscope.core.land;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the low-efficiency criteria look at for one parcel: its area and use, the yearly figures of the enterprises
 * occupying it (each enterprise counted once, tax as paid in the town), its contract targets and dates, and how its
 * floor space is let.
 *
 * @param taxWan         tax per year (万元) of the parcel's occupants; a year with no entry has no figure stored
 * @param outputWan      industrial output (or revenue where no output is stored) per year, 万元
 * @param occupants      how many enterprises occupy the parcel now
 * @param leasedOutsideM2 leased area of tenants paying their tax outside the town
 */
public record LandFacts(long parcelId, double areaM2, String landUse, int asOfYear, Map<Integer, Double> taxWan,
        Map<Integer, Double> outputWan, int occupants, LocalDate completionDue, LocalDate completedOn,
        Double contractTaxPerMu, Double contractOutputPerMu, double floorAreaM2, double leasedM2,
        double leasedOutsideM2) {

    public LandFacts {
        taxWan = Map.copyOf(taxWan);
        outputWan = Map.copyOf(outputWan);
    }

    public double areaMu() {
        return areaM2 * 3 / 2000;
    }

    double tax(int year) {
        return taxWan.getOrDefault(year, 0.0);
    }

    double output(int year) {
        return outputWan.getOrDefault(year, 0.0);
    }
}
