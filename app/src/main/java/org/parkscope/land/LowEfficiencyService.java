package org.parkscope.land;

import org.parkscope.core.unit.Area;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.land.Finding;
import org.parkscope.core.land.LandFacts;
import org.parkscope.core.land.LowEfficiencyCriteria;
import org.parkscope.core.land.LowEfficiencyCriteria.Criterion;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The low-efficiency land list: the configured criteria applied to every parcel in scope, with reasons. */
@Service
public class LowEfficiencyService {

    /** A listed parcel and why. */
    public record Listed(long parcelId, long parkId, String parkName, String certificateNo, double areaMu,
            String landUse, String holder, double taxPerMu, double outputPerMu, List<Finding> reasons) {}

    /** Per park: how many parcels and how much land are listed. */
    public record ParkTotal(long parkId, String parkName, int parcels, double areaMu, int allParcels, double allAreaMu) {}

    private final LandQueries land;
    private final TownContext town;
    private final LowEfficiencyCriteria criteria;
    private final String criteriaName;

    public LowEfficiencyService(LandQueries land, TownContext town,
            @Value("${parkscope.land.low-efficiency-file:}") String file) {
        this.land = land;
        this.town = town;
        Map<String, Object> yaml = read(file);
        this.criteriaName = String.valueOf(yaml.getOrDefault("name", "低效用地认定标准"));
        this.criteria = parse(yaml);
    }

    public String criteriaName() {
        return criteriaName;
    }

    public LowEfficiencyCriteria criteria() {
        return criteria;
    }

    /** Every parcel in scope that meets at least one criterion in {@code year}, by park then parcel. */
    public List<Listed> list(Scope scope, int year) {
        Map<Long, Map<Integer, LandQueries.SiteYear>> years = land.parcelYears(scope, null,
                year - criteria.yearsNeeded() + 1, year);
        // Who occupied each parcel is taken at the end of the assessed year (or on the reporting date, if earlier).
        java.time.LocalDate yearEnd = java.time.LocalDate.of(year, 12, 31);
        java.time.LocalDate date = town.asOf().isBefore(yearEnd) ? town.asOf() : yearEnd;
        List<Listed> out = new ArrayList<>();
        for (LandQueries.ParcelFactsRow p : land.parcelFacts(scope, date)) {
            Map<Integer, LandQueries.SiteYear> ys = years.getOrDefault(p.id(), Map.of());
            Map<Integer, Double> tax = new LinkedHashMap<>();
            Map<Integer, Double> output = new LinkedHashMap<>();
            ys.forEach((y, s) -> {
                tax.put(y, s.taxWan());
                output.put(y, s.activityWan());
            });
            LandFacts facts = new LandFacts(p.id(), p.areaM2(), p.landUse(), year, tax, output, p.occupants(),
                    p.completionDue(), p.completedOn(), p.contractTaxPerMu(), p.contractOutputPerMu(), p.floorAreaM2(),
                    p.leasedM2(), p.leasedOutsideM2());
            List<Finding> reasons = criteria.evaluate(facts);
            if (!reasons.isEmpty()) {
                double mu = facts.areaMu();
                out.add(new Listed(p.id(), p.parkId(), p.parkName(), p.certificateNo(), mu, p.landUse(), p.holder(),
                        mu > 0 ? tax.getOrDefault(year, 0.0) / mu : 0, mu > 0 ? output.getOrDefault(year, 0.0) / mu : 0,
                        reasons));
            }
        }
        return out;
    }

    /** Totals by park, for the parks in scope (parks with nothing listed included). */
    public List<ParkTotal> byPark(Scope scope, List<Listed> listed) {
        Map<Long, ParkTotal> totals = new LinkedHashMap<>();
        for (LandQueries.ParcelFactsRow p : land.parcelFacts(scope, town.asOf())) {
            ParkTotal t = totals.getOrDefault(p.parkId(), new ParkTotal(p.parkId(), p.parkName(), 0, 0, 0, 0));
            totals.put(p.parkId(), new ParkTotal(t.parkId(), t.parkName(), t.parcels(), t.areaMu(), t.allParcels() + 1,
                    t.allAreaMu() + Area.muOf(p.areaM2())));
        }
        for (Listed l : listed) {
            ParkTotal t = totals.get(l.parkId());
            totals.put(l.parkId(), new ParkTotal(t.parkId(), t.parkName(), t.parcels() + 1, t.areaMu() + l.areaMu(),
                    t.allParcels(), t.allAreaMu()));
        }
        return new ArrayList<>(totals.values());
    }

    // ------------------------------------------------------------------------------------------------ configuration

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(@Nullable String file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = file == null || file.isBlank()
                ? LowEfficiencyService.class.getResourceAsStream("/land/low-efficiency.yaml")
                : Files.newInputStream(Path.of(file))) {
            Object doc = yaml.load(in);
            if (!(doc instanceof Map)) {
                throw new IllegalArgumentException("低效用地标准文件须为 YAML 映射 / the criteria file must be a YAML mapping");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取低效用地标准文件 / cannot read the criteria file " + file, e);
        }
    }

    /** Parses the criteria; a wrong kind, a missing or out-of-range number is an error naming the criterion. */
    @SuppressWarnings("unchecked")
    static LowEfficiencyCriteria parse(Map<String, Object> yaml) {
        Object list = yaml.get("criteria");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException("缺少 criteria 列表 / the file needs a non-empty 'criteria' list");
        }
        List<Criterion> out = new ArrayList<>();
        int n = 0;
        for (Object item : items) {
            n++;
            if (!(item instanceof Map)) {
                throw new IllegalArgumentException("第 " + n + " 条标准不是映射 / criterion " + n + " is not a mapping");
            }
            Map<String, Object> c = (Map<String, Object>) item;
            String kind = String.valueOf(c.get("kind"));
            String where = "第 " + n + " 条标准（" + kind + "）/ criterion " + n + " (" + kind + "): ";
            out.add(switch (kind) {
                case "NO_TAX" -> new LowEfficiencyCriteria.NoTax(atLeastOne(c, "years", where));
                case "BELOW_CONTRACT" -> new LowEfficiencyCriteria.BelowContract(metric(c, where), share(c, "share", where),
                        c.containsKey("minYearsInUse") ? years(c, "minYearsInUse", where) : 2);
                case "BELOW_STANDARD" -> new LowEfficiencyCriteria.BelowStandard(metric(c, where),
                        positive(c, "standardPerMu", where), share(c, "share", where), landUses(c),
                        c.containsKey("minYearsInUse") ? years(c, "minYearsInUse", where) : 0);
                case "COMPLETION_OVERDUE" -> new LowEfficiencyCriteria.CompletionOverdue(years(c, "years", where));
                case "PRODUCTION_STOPPED" -> new LowEfficiencyCriteria.ProductionStopped(atLeastOne(c, "years", where));
                case "SUBLET_ELSEWHERE" -> new LowEfficiencyCriteria.SubletElsewhere(share(c, "leasedShare", where),
                        share(c, "outsideShare", where));
                default -> throw new IllegalArgumentException(where + "未知的标准类型 / unknown kind; use NO_TAX,"
                        + " BELOW_CONTRACT, BELOW_STANDARD, COMPLETION_OVERDUE, PRODUCTION_STOPPED or SUBLET_ELSEWHERE");
            });
        }
        return new LowEfficiencyCriteria(out);
    }

    private static String metric(Map<String, Object> c, String where) {
        String m = String.valueOf(c.get("metric"));
        if (!m.equals("TAX") && !m.equals("OUTPUT")) {
            throw new IllegalArgumentException(where + "metric 须为 TAX 或 OUTPUT / metric must be TAX or OUTPUT");
        }
        return m;
    }

    private static double number(Map<String, Object> c, String key, String where) {
        if (!(c.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(where + "缺少数值 " + key + " / a number '" + key + "' is required");
        }
        return n.doubleValue();
    }

    private static int years(Map<String, Object> c, String key, String where) {
        double v = number(c, key, where);
        if (v < 0 || v != Math.rint(v) || v > 50) {
            throw new IllegalArgumentException(where + key + " 须为 0–50 的整数年 / " + key + " must be whole years 0–50");
        }
        return (int) v;
    }

    private static int atLeastOne(Map<String, Object> c, String key, String where) {
        int v = years(c, key, where);
        if (v < 1) {
            throw new IllegalArgumentException(where + key + " 至少为 1 年 / " + key + " must be at least 1 year");
        }
        return v;
    }

    private static double share(Map<String, Object> c, String key, String where) {
        double v = number(c, key, where);
        if (v <= 0 || v > 1) {
            throw new IllegalArgumentException(where + key + " 须在 0 与 1 之间 / " + key + " must be a share in (0, 1]");
        }
        return v;
    }

    private static double positive(Map<String, Object> c, String key, String where) {
        double v = number(c, key, where);
        if (v <= 0) {
            throw new IllegalArgumentException(where + key + " 须为正数 / " + key + " must be positive");
        }
        return v;
    }

    private static Set<String> landUses(Map<String, Object> c) {
        Object v = c.get("landUses");
        Set<String> out = new HashSet<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
