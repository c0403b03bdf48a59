package org.parkscope.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.RunStatus;
import org.parkscope.core.stats.YearOnYear;
import org.parkscope.enterprise.EnterpriseQueries;
import org.parkscope.evaluation.EvaluationService;
import org.parkscope.evaluation.EvaluationService.FirmResult;
import org.parkscope.evaluation.EvaluationService.ObjectionRow;
import org.parkscope.evaluation.EvaluationService.RunRow;
import org.parkscope.land.ScopeBounds;
import org.parkscope.park.ParkQueries;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The homes of the scoped roles: a park operator's parks (figures with 同比, tenants, vacancy, leases ending, its
 * firms' 亩均 classes and open objections, a map of its parks) and an enterprise's "我的企业" (its figures with 同比,
 * its 亩均 result, the 公示 window, its objections). Each fills the page's model and names its template.
 */
@Component
class RoleHomes {

    /** Leases ending within this many months are listed; the shorter horizon is counted apart. */
    static final int LEASE_MONTHS = 12;
    static final int LEASE_MONTHS_SOON = 6;

    /** One figure of a home: its name (for tests and links), value, message key of its unit, and its 同比. */
    public record Figure(String name, @Nullable BigDecimal value, String unitKey, YearOnYear yoy) {
        /** Less is better for use of resources: a fall in energy, electricity or emissions is shown as good. */
        public boolean lowerIsBetter() {
            return LOWER_IS_BETTER.contains(name);
        }
    }

    static final java.util.Set<String> LOWER_IS_BETTER = java.util.Set.of("ENERGY", "ELECTRICITY", "EMISSIONS");

    /** An objection with the data year of the run it was filed against. */
    public record YearObjection(long runId, int year, ObjectionRow objection) {}

    /** A park of the operator in a year: its summary and the 同比 of its tax. */
    public record ParkYear(ParkQueries.ParkSummary park, YearOnYear tax, YearOnYear taxPerMu) {}

    private final HomeQueries homes;
    private final ParkQueries parks;
    private final EnterpriseQueries enterprises;
    private final EvaluationService evaluations;
    private final ScopeBounds bounds;
    private final TownContext town;

    RoleHomes(HomeQueries homes, ParkQueries parks, EnterpriseQueries enterprises, EvaluationService evaluations,
            ScopeBounds bounds, TownContext town) {
        this.homes = homes;
        this.parks = parks;
        this.enterprises = enterprises;
        this.evaluations = evaluations;
        this.bounds = bounds;
        this.town = town;
    }

    String park(Scope scope, @Nullable Integer asked, Model model) {
        List<Integer> years = homes.years(scope);
        int year = HomeQueries.chooseYear(years, town.referenceYear(), asked);
        LocalDate asOf = town.asOf();
        List<HomeQueries.ParkName> names = homes.parks(scope);
        model.addAttribute("names", names.stream().map(HomeQueries.ParkName::name).toList());
        model.addAttribute("onlyPark", names.size() == 1 ? names.get(0).id() : null);
        model.addAttribute("years", years);
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf);
        model.addAttribute("c", homes.compared(scope, year));
        Map<Long, ParkQueries.ParkSummary> before = new TreeMap<>();
        parks.summaries(scope, year - 1).forEach(p -> before.put(p.id(), p));
        boolean priorYear = years.contains(year - 1);
        model.addAttribute("parkYears", parks.summaries(scope, year).stream().map(p -> {
            ParkQueries.ParkSummary b = priorYear ? before.get(p.id()) : null;
            return new ParkYear(p, YearOnYear.of(p.taxWan(), b == null ? null : b.taxWan()),
                    YearOnYear.of(p.taxPerMu(), b == null ? null : b.taxPerMu()));
        }).toList());
        model.addAttribute("occupancy", homes.occupancy(scope, asOf));
        List<HomeQueries.Expiring> expiring = homes.expiring(scope, asOf, LEASE_MONTHS);
        LocalDate soon = asOf.plusMonths(LEASE_MONTHS_SOON);
        model.addAttribute("expiring", expiring);
        model.addAttribute("expiringSoon", expiring.stream().filter(e -> e.endsOn().isBefore(soon)).count());
        model.addAttribute("leaseMonths", LEASE_MONTHS);
        model.addAttribute("leaseMonthsSoon", LEASE_MONTHS_SOON);
        List<RunRow> runs = evaluations.runs();
        RunRow latest = latestRun(runs);
        model.addAttribute("run", latest);
        model.addAttribute("classes", latest == null ? Map.of() : classes(evaluations.classCounts(scope, latest.id())));
        List<YearObjection> open = new ArrayList<>();
        for (RunRow r : runs) {
            if (!r.status().isRunning() && !r.status().isFailed()) {
                evaluations.objections(scope, r.id()).stream().filter(o -> o.status().equals("OPEN"))
                        .forEach(o -> open.add(new YearObjection(r.id(), r.year(), o)));
            }
        }
        model.addAttribute("objections", open);
        model.addAttribute("bbox", bounds.bbox(scope).orElse(null));
        model.addAttribute("parcelGeoJson", parks.parcelsGeoJson(scope));
        return "home-park";
    }

    /**
     * The run whose classes a park operator's home shows: the newest published to the firms (公示 or final), else the
     * newest scored draft (marked as such on the page); null when there is none.
     */
    static @Nullable RunRow latestRun(List<RunRow> newestFirst) {
        return newestFirst.stream().filter(r -> r.status().hasResults() && r.status().shownToEnterprises()).findFirst()
                .or(() -> newestFirst.stream().filter(r -> r.status() == RunStatus.SCORED).findFirst()).orElse(null);
    }

    /** Ranked firms per class over all cohorts, classes in order. */
    static Map<String, Long> classes(Map<String, Map<String, Long>> byCohort) {
        Map<String, Long> out = new TreeMap<>();
        byCohort.values().forEach(m -> m.forEach((k, n) -> out.merge(k, n, Long::sum)));
        return out;
    }

    String firm(Scope scope, long firm, @Nullable Integer asked, Model model) {
        EnterpriseQueries.EnterpriseDetail e = enterprises.detail(scope, firm)
                .orElseThrow(() -> Refusal.notFound("enterprise", firm));
        Map<Integer, Map<String, BigDecimal>> figures = homes.firmYears(scope, firm);
        List<Integer> years = homes.years(scope);
        int year = HomeQueries.chooseYear(years, town.referenceYear(), asked);
        Map<String, BigDecimal> now = figures.getOrDefault(year, Map.of());
        Map<String, BigDecimal> before = figures.get(year - 1);
        List<Figure> shown = new ArrayList<>();
        for (String m : HomeQueries.FIRM_METRICS) {
            if (figures.values().stream().anyMatch(y -> y.containsKey(m))) {
                shown.add(new Figure(m, now.get(m), "home.unit." + m,
                        YearOnYear.of(now.get(m), before == null ? null : before.get(m))));
            }
        }
        model.addAttribute("e", e);
        model.addAttribute("years", years);
        model.addAttribute("year", year);
        model.addAttribute("figures", shown);
        List<FirmResult> results = evaluations.firmResults(firm);
        LocalDate today = LocalDate.now();
        model.addAttribute("result", results.stream().filter(r -> r.klass() != null || r.total() != null)
                .findFirst().orElse(results.isEmpty() ? null : results.get(0)));
        model.addAttribute("open", results.stream().filter(r -> r.openOn(today)).toList());
        model.addAttribute("today", today);
        List<YearObjection> objections = new ArrayList<>();
        for (FirmResult r : results) {
            evaluations.objections(scope, r.runId()).forEach(o -> objections.add(new YearObjection(r.runId(), r.year(), o)));
        }
        model.addAttribute("objections", objections);
        return "home-firm";
    }
}
