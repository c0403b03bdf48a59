package org.parkscope.land;

import org.parkscope.core.unit.Area;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkscope.core.land.Finding;
import org.parkscope.core.land.Geo;
import org.parkscope.core.land.Obligation;
import org.parkscope.core.land.ParcelChecks;
import org.parkscope.core.land.Revitalisation;
import org.parkscope.core.land.SpatialIndex;
import org.parkscope.shared.GeoJson;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.springframework.stereotype.Service;

/** Everything the parcel page shows: occupants, figures under each attribution mode, history, contracts, checks. */
@Service
public class ParcelService {

    private final LandQueries land;
    private final TownContext town;
    private final ParcelOutlines outlines;
    private final GeometryFactory gf = new GeometryFactory();

    public ParcelService(LandQueries land, TownContext town, ParcelOutlines outlines) {
        this.land = land;
        this.town = town;
        this.outlines = outlines;
    }

    /** One row of an attribution mode: who is scored on what land and what tax. */
    public record Attributed(String who, @Nullable Long enterpriseId, double mu, double taxWan, @Nullable Double taxPerMu,
            String note) {}

    /** The parcel's tax under one attribution mode, with the check that every occupant's tax is counted once. */
    public record Mode(String code, List<Attributed> rows, double totalTaxWan, double totalMu, boolean countedOnce) {}

    public record ContractView(LandQueries.Contract contract, String completionStatus,
            List<ObligationView> obligations) {}

    public record ObligationView(Obligation obligation, List<Obligation.Check> checks) {}

    public record InterventionView(LandQueries.Intervention intervention, List<Revitalisation.Effect> effect,
            double areaMu) {}

    public record Page(LandQueries.ParcelDetail parcel, double areaMu, @Nullable Double polygonM2, int year,
            List<LandQueries.Occupant> occupants, List<LandQueries.Occupant> former, List<Mode> modes,
            List<LandQueries.SiteYear> history, List<ContractView> contracts, List<InterventionView> interventions,
            List<Finding> checks) {}

    public Page page(Scope scope, long id) {
        LocalDate asOf = town.asOf();
        int year = town.referenceYear();
        String townCode = town.regionCodeOfParcel(id);
        LandQueries.ParcelDetail p = land.parcel(scope, id, asOf).orElseThrow(() -> Refusal.notFound("parcel", id));
        double mu = Area.muOf(p.areaM2().doubleValue());
        List<LandQueries.Occupant> now = land.occupants(scope, id, asOf, year, townCode);
        List<LandQueries.Occupant> former = land.formerOccupants(scope, id, asOf, townCode);
        int[] range = land.yearRange();
        List<LandQueries.SiteYear> history = new ArrayList<>(
                land.parcelYears(scope, List.of(id), range[0], range[1]).getOrDefault(id, Map.of()).values());
        Geometry polygon = p.geometry() == null ? null : GeoJson.readPolygonal(p.geometry(), gf);
        Double polygonM2 = polygon == null ? null : Geo.areaM2(polygon);

        List<Finding> checks = new ArrayList<>(ParcelChecks.check(p.areaM2().doubleValue(), polygonM2,
                p.floorAreaM2().doubleValue(), p.leasedM2().doubleValue(), now.stream()
                        .filter(o -> o.role().equals("TENANT"))
                        .map(o -> new ParcelChecks.Tenant(o.name(), o.leasedM2() == null ? 0 : o.leasedM2().doubleValue(),
                                o.registeredInTown(), o.paysTaxInTown()))
                        .toList()));
        if (polygon != null) {
            checks.addAll(overlaps(scope, p, polygon));
        }
        Map<Integer, LandQueries.SiteYear> byYear = new HashMap<>();
        history.forEach(h -> byYear.put(h.year(), h));
        List<ContractView> contracts = new ArrayList<>();
        for (LandQueries.Contract c : land.contracts(id)) {
            List<ObligationView> obligations = new ArrayList<>();
            for (LandQueries.ObligationRow o : c.obligations()) {
                obligations.add(new ObligationView(o.obligation(), o.obligation().evaluate(c.signedOn(), c.completedOn(),
                        c.termEndsOn(), mu, values(byYear, o.obligation().metric()),
                        range[1] == 0 ? year : range[1])));
            }
            contracts.add(new ContractView(c, completionStatus(c, asOf), obligations));
        }
        List<InterventionView> interventions = new ArrayList<>();
        for (LandQueries.Intervention i : land.interventions(scope, id)) {
            interventions.add(effect(scope, i, range));
        }

        return new Page(p, mu, polygonM2, year, now, former, modes(p, mu, now), history, contracts, interventions,
                checks);
    }

    public InterventionView effect(Scope scope, LandQueries.Intervention i, int[] range) {
        double mu = Area.muOf(i.areaM2().doubleValue());
        List<Revitalisation.YearFigures> years = land.siteYears(scope, i.parcelIds(), Math.min(range[0], i.baselineYear()),
                range[1]).stream().map(s -> new Revitalisation.YearFigures(s.year(), s.occupants(), s.taxWan(),
                s.revenueWan(), s.outputWan(), s.salesWan())).toList();
        return new InterventionView(i, Revitalisation.effect(i.baselineYear(), mu, years), mu);
    }

    private static Map<Integer, Double> values(Map<Integer, LandQueries.SiteYear> byYear, String metric) {
        Map<Integer, Double> out = new HashMap<>();
        byYear.forEach((y, s) -> {
            switch (metric) {
                case "TAX" -> out.put(y, s.taxWan());
                case "OUTPUT" -> out.put(y, s.activityWan());
                case "REVENUE" -> out.put(y, s.revenueWan());
                case "GOODS_SALES" -> out.put(y, s.salesWan());
                default -> { }
            }
        });
        return out;
    }

    static String completionStatus(LandQueries.Contract c, LocalDate asOf) {
        if (c.completionDue() == null) {
            return "NOT_DUE";
        }
        if (c.completedOn() != null) {
            return c.completedOn().isAfter(c.completionDue()) ? "LATE" : "MET";
        }
        return asOf.isAfter(c.completionDue()) ? "MISSED" : "NOT_DUE";
    }

    /**
     * The three attribution modes of evaluation.md §1.7 on this parcel. PARCEL_AGGREGATE: every occupant's tax over the
     * parcel's 亩. LANDLORD_ONLY_TENANT_FOLLOWS: the holder (or landlord) on its own tax over the whole parcel, tenants
     * take its class. FLOOR_SHARE: each tenant gets the parcel's 亩 × its leased share of the floor area and is scored on
     * its own tax; the landlord keeps the rest. In each mode the tax attributed adds up to the occupants' tax at most
     * once.
     */
    static List<Mode> modes(LandQueries.ParcelDetail p, double mu, List<LandQueries.Occupant> now) {
        double total = 0;
        for (LandQueries.Occupant o : now) {
            total += tax(o);
        }
        List<Mode> modes = new ArrayList<>();
        modes.add(new Mode("PARCEL_AGGREGATE", List.of(new Attributed(p.certificateNo(), null, mu, total,
                mu > 0 ? total / mu : null, now.size() + "")), total, mu, once(now)));

        List<Attributed> landlordOnly = new ArrayList<>();
        double landlordTax = 0;
        for (LandQueries.Occupant o : now) {
            if (!o.role().equals("TENANT")) {
                landlordTax += tax(o);
            }
        }
        for (LandQueries.Occupant o : now) {
            if (!o.role().equals("TENANT")) {
                landlordOnly.add(new Attributed(o.name(), o.enterpriseId(), mu, tax(o), mu > 0 ? landlordTax / mu : null,
                        o.role()));
            } else {
                landlordOnly.add(new Attributed(o.name(), o.enterpriseId(), 0, tax(o), null, "FOLLOWS"));
            }
        }
        modes.add(new Mode("LANDLORD_ONLY_TENANT_FOLLOWS", landlordOnly, landlordTax, mu,
                once(now.stream().filter(o -> !o.role().equals("TENANT")).toList())));

        List<Attributed> share = new ArrayList<>();
        double floor = p.floorAreaM2().doubleValue();
        double allocated = 0;
        double counted = 0;
        for (LandQueries.Occupant o : now) {
            if (o.role().equals("TENANT") && floor > 0) {
                double m = mu * Math.min(1, (o.leasedM2() == null ? 0 : o.leasedM2().doubleValue()) / floor);
                allocated += m;
                counted += tax(o);
                share.add(new Attributed(o.name(), o.enterpriseId(), m, tax(o), m > 0 ? tax(o) / m : null, "TENANT"));
            }
        }
        double rest = Math.max(0, mu - allocated);
        for (LandQueries.Occupant o : now) {
            if (!o.role().equals("TENANT")) {
                counted += tax(o);
                share.add(0, new Attributed(o.name(), o.enterpriseId(), rest, tax(o), rest > 0 ? tax(o) / rest : null,
                        o.role()));
            }
        }
        modes.add(new Mode("FLOOR_SHARE", share, counted, Math.max(allocated, mu), once(now)
                && Math.abs(counted - total) < 1e-6 && allocated <= mu + 1e-9));
        return modes;
    }

    /** Each enterprise appears once among the rows whose tax is counted. */
    private static boolean once(List<LandQueries.Occupant> rows) {
        return rows.stream().map(LandQueries.Occupant::enterpriseId).distinct().count() == rows.size();
    }

    private static double tax(LandQueries.Occupant o) {
        return o.taxWan() == null ? 0 : o.taxWan().doubleValue() * o.share();
    }

    /**
     * Overlaps with other parcels, found among the kept outlines whose boxes touch this one. A parcel
     * of a park outside the scope is named only as such. A polygon JTS cannot intersect (self-crossing) is reported as
     * a finding instead of failing the page.
     */
    private List<Finding> overlaps(Scope scope, LandQueries.ParcelDetail p, Geometry polygon) {
        var env = polygon.getEnvelopeInternal();
        List<SpatialIndex.Shape> shapes = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (ParcelOutlines.Outline o : outlines.touching(env)) {
            shapes.add(new SpatialIndex.Shape(o.id(), o.id() == p.id() ? polygon : o.geometry()));
            names.put(o.id(), scope.allParks() || scope.parkIds().contains(o.parkId()) ? o.certificateNo()
                    : UserMessage.of("parcel.otherPark").text());
        }
        if (shapes.stream().noneMatch(sh -> sh.id() == p.id())) {
            shapes.add(new SpatialIndex.Shape(p.id(), polygon));
        }
        List<Finding> out = new ArrayList<>();
        try {
            for (SpatialIndex.Overlap o : new SpatialIndex(shapes).overlaps(1.0)) {
                if (o.a() == p.id() || o.b() == p.id()) {
                    out.add(ParcelChecks.overlap(names.get(o.a() == p.id() ? o.b() : o.a()), o.areaM2()));
                }
            }
        } catch (org.locationtech.jts.geom.TopologyException e) {
            out.add(new Finding("INVALID_POLYGON", "宗地图形自相交或无效，无法核对重叠",
                    "The parcel's polygon crosses itself or is invalid; overlaps cannot be checked"));
        }
        return out;
    }
}
