package org.parkscope.land;

import java.math.BigDecimal;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.springframework.stereotype.Service;

/** The land figures the town dashboard shows: low-efficiency land, vacant space and the revitalisation ledger. */
@Service
public class LandSummary {

    /** Figures for one scope and year. */
    public record Figures(int year, int lowEfficiencyParcels, double lowEfficiencyMu, int vacantUnits,
            BigDecimal vacantM2, int interventions) {}

    private final LowEfficiencyService lowEfficiency;
    private final VacancyQueries vacancy;
    private final LandQueries land;
    private final TownContext town;

    public LandSummary(LowEfficiencyService lowEfficiency, VacancyQueries vacancy, LandQueries land, TownContext town) {
        this.lowEfficiency = lowEfficiency;
        this.vacancy = vacancy;
        this.land = land;
        this.town = town;
    }

    public Figures figures(Scope scope, int year) {
        LowEfficiencyService.Totals listed = lowEfficiency.totals(scope, year, null);
        VacancyQueries.Result vacant = vacancy.totals(scope, town.asOf());
        return new Figures(year, listed.parcels(), listed.areaMu(),
                (int) vacant.total(), vacant.totalM2(),
                land.interventions(scope, null).size());
    }
}
