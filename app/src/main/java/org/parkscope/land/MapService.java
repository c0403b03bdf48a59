package org.parkscope.land;

import org.parkscope.core.unit.Area;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.parkscope.core.land.Geo;
import org.parkscope.core.land.Simplify;
import org.parkscope.park.ParkQueries;
import org.parkscope.shared.GeoJson;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.shared.TownContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The town map's layers, drawn from our own GeoJSON: the town outline, parks, parcels, buildings and enterprises, each
 * feature with what the map colours it by (亩均税收, evaluation class, land use, vacancy, the low-efficiency list).
 *
 * <p>The layers are built once per data version ({@link LandVersion}) and scope, and kept: the bulk payload per
 * simplification level ({@link Simplify}) as bytes, and each parcel's details (holder, reasons …) for the click panel,
 * so that a request costs a version look-up.
 */
@Service
public class MapService {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_CACHED = 64;
    /** Payloads kept per version and scope (levels, and the viewports clients asked for). */
    private static final int MAX_PAYLOADS = 256;
    /**
     * Above this many parcels the whole-map view (level 0 without bounds) carries the town and its parks only; parcels,
     * buildings and enterprises come with the bounds of what is shown (the city's 12 300 parcels were 4.4 MB).
     */
    static final int OVERVIEW_PARCELS = 2_000;
    /** Where each polygon feature keeps its extent (west, south, east, north) for viewport filtering; never sent. */
    private static final String EXTENT = "extent";

    private final JdbcClient jdbc;
    private final LandQueries land;
    private final ParkQueries parks;
    private final LowEfficiencyService lowEfficiency;
    private final TownContext town;
    private final LandVersion version;
    private final GeometryFactory gf = new GeometryFactory();
    private final Map<String, Built> cache = new ConcurrentHashMap<>();

    public MapService(JdbcClient jdbc, LandQueries land, ParkQueries parks, LowEfficiencyService lowEfficiency,
            TownContext town, LandVersion version) {
        this.jdbc = jdbc;
        this.land = land;
        this.parks = parks;
        this.lowEfficiency = lowEfficiency;
        this.town = town;
        this.version = version;
    }

    /** The layers of one scope at one version, each level's payload serialised once on first use. */
    private record Built(Map<String, Object> layers, Map<Long, Map<String, Object>> details,
            Map<String, byte[]> json) {}

    /** A payload: its version tag (the ETag) and bytes. */
    public record Payload(String tag, byte[] json) {}

    /** The current data version tag for a scope, level and viewport, without building anything. */
    public String tag(Scope scope, int level, @Nullable MapBounds bounds) {
        return tag(version.current(), scope, level, bounds);
    }

    private static String tag(String v, Scope scope, int level, @Nullable MapBounds bounds) {
        return v + "-" + key(scope) + "-z" + clamp(level) + (bounds == null ? "" : "-" + bounds.key());
    }

    /**
     * The layers as GeoJSON at a simplification level, from the cache when the version has not changed: all of them,
     * or with {@code bounds} the parcels, buildings and enterprises touching it (the town outline and parks always).
     */
    public Payload payload(Scope scope, int level, @Nullable MapBounds bounds) {
        int l = clamp(level);
        String v = version.current();
        Built b = built(scope, v);
        String k = l + (bounds == null ? "" : "@" + bounds.key());
        if (b.json().size() >= MAX_PAYLOADS) {
            b.json().clear();
        }
        byte[] json = b.json().computeIfAbsent(k, x -> MAPPER.writeValueAsBytes(simplified(b.layers(), l, bounds)));
        return new Payload(tag(v, scope, l, bounds), json);
    }

    /** One parcel's details for the click panel (empty when it is not on the map of this scope). */
    public Optional<Map<String, Object>> parcel(Scope scope, long id) {
        return Optional.ofNullable(built(scope, version.current()).details().get(id));
    }

    private Built built(Scope scope, String v) {
        String k = v + "|" + key(scope);
        Built b = cache.get(k);
        if (b == null) {
            if (cache.size() >= MAX_CACHED || cache.keySet().stream().anyMatch(c -> !c.startsWith(v + "|"))) {
                cache.keySet().removeIf(c -> !c.startsWith(v + "|") || cache.size() >= MAX_CACHED);
            }
            Map<Long, Map<String, Object>> details = new HashMap<>();
            b = new Built(build(scope, details), details, new ConcurrentHashMap<>());
            cache.put(k, b);
        }
        return b;
    }

    private static String key(Scope scope) {
        return scope.allParks() ? "town" : scope.enterpriseId() != null ? "e" + scope.enterpriseId()
                : "p" + new TreeSet<>(scope.parkIds()).toString().replace(" ", "");
    }

    private static int clamp(int level) {
        return Math.max(Simplify.COARSEST, Math.min(Simplify.FINEST, level));
    }

    /** The layers at full detail as one JSON-ready map: {year, run, town, parks, parcels, buildings, enterprises}. */
    public Map<String, Object> layers(Scope scope) {
        return built(scope, version.current()).layers();
    }

    private Map<String, Object> build(Scope scope, Map<Long, Map<String, Object>> details) {
        int year = town.referenceYear();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        Long run = latestRun();
        out.put("run", run);
        Map<Long, String> classes = run == null ? Map.of() : classes(run);
        out.put("town", townOutline(scope));

        List<Map<String, Object>> parkFeatures = new ArrayList<>();
        for (ParkQueries.ParkSummary s : parks.summaries(scope, year)) {
            ParkQueries.ParkDetail d = parks.detail(scope, s.id()).orElse(null);
            if (d == null || d.boundary() == null) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", s.id());
            props.put("name", s.name());
            props.put("landMu", s.landMu().doubleValue());
            props.put("taxPerMu", s.taxPerMu() == null ? null : s.taxPerMu().doubleValue());
            parkFeatures.add(feature(d.boundary(), props));
        }
        out.put("parks", collection(parkFeatures));

        Map<Long, Map<Integer, LandQueries.SiteYear>> years = land.parcelYears(scope, null, year, year);
        Map<Long, LowEfficiencyService.Listed> listed = new HashMap<>();
        for (LowEfficiencyService.Listed l : lowEfficiency.list(scope, year)) {
            listed.put(l.parcelId(), l);
        }
        List<Map<String, Object>> parcelFeatures = new ArrayList<>();
        for (LandQueries.ParcelFactsRow p : land.parcelFacts(scope, town.asOf())) {
            if (p.geometry() == null) {
                continue;
            }
            double mu = Area.muOf(p.areaM2());
            LandQueries.SiteYear y = years.getOrDefault(p.id(), Map.of()).get(year);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", p.id());
            props.put("name", p.certificateNo());
            props.put("park", p.parkName());
            props.put("holder", p.holder());
            props.put("landUse", p.landUse());
            props.put("mu", round2(mu));
            props.put("taxPerMu", y == null || mu == 0 ? 0 : round2(y.taxWan() / mu));
            props.put("klass", p.holderId() == null ? null : classes.get(p.holderId()));
            props.put("vacantM2", round2(p.vacantM2()));
            props.put("vacancyShare", p.floorAreaM2() > 0 ? round2(p.vacantM2() / p.floorAreaM2()) : 0);
            props.put("listed", listed.containsKey(p.id()));
            parcelFeatures.add(withExtent(feature(p.geometry(), props)));
            Map<String, Object> detail = new LinkedHashMap<>(props);
            detail.put("parkId", p.parkId());
            detail.put("holderId", p.holderId());
            detail.put("year", year);
            detail.put("floorAreaM2", round2(p.floorAreaM2()));
            detail.put("occupants", p.occupants());
            LowEfficiencyService.Listed l = listed.get(p.id());
            detail.put("lowEfficiency", l == null ? List.of() : l.reasons().stream().map(f -> f.zh()).toList());
            detail.put("lowEfficiencyEn", l == null ? List.of() : l.reasons().stream().map(f -> f.en()).toList());
            details.put(p.id(), detail);
        }
        List<Map<String, Object>> firms = enterprises(scope, classes);
        // A parcel whose holder is not rated takes the class most of its rated occupants have.
        Map<Long, Map<String, Integer>> votes = new HashMap<>();
        for (Map<String, Object> e : firms) {
            if (e.get("klass") != null) {
                votes.computeIfAbsent((Long) e.get("parcelId"), k -> new java.util.TreeMap<>())
                        .merge((String) e.get("klass"), 1, Integer::sum);
            }
        }
        for (Map<String, Object> f : parcelFeatures) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) f.get("properties");
            Map<String, Integer> v = votes.get((Long) props.get("id"));
            if (props.get("klass") == null && v != null) {
                String klass = v.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                props.put("klass", klass);
                details.get((Long) props.get("id")).put("klass", klass);
            }
        }
        out.put("parcels", collection(parcelFeatures));
        out.put("buildings", collection(buildings(scope)));
        out.put("enterprises", firms);
        return out;
    }

    /**
     * The payload of a level: the polygons (town outline, parks, parcels, buildings) simplified for it, and the
     * enterprise points as columns.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> simplified(Map<String, Object> layers, int level, @Nullable MapBounds bounds) {
        double tolerance = Simplify.toleranceM(level);
        Map<String, Object> out = new LinkedHashMap<>(layers);
        out.put("level", level);
        List<Map<String, Object>> allParcels = (List<Map<String, Object>>) ((Map<String, Object>) layers.get("parcels"))
                .get("features");
        // The whole map of a large town: its parks only; what lies inside them comes with a viewport.
        boolean overview = bounds == null && level == Simplify.COARSEST && allParcels.size() > OVERVIEW_PARCELS;
        out.put("partial", overview || bounds != null);
        if (bounds != null) {
            out.put("bbox", List.of(bounds.west(), bounds.south(), bounds.east(), bounds.north()));
        }
        for (String layer : List.of("town", "parks", "parcels", "buildings")) {
            Map<String, Object> c = (Map<String, Object>) layers.get(layer);
            if (c == null) {
                continue;
            }
            boolean inside = layer.equals("parcels") || layer.equals("buildings");
            List<Map<String, Object>> features = new ArrayList<>();
            for (Map<String, Object> f : (List<Map<String, Object>>) c.get("features")) {
                if (inside && (overview || bounds != null && !bounds.touches((double[]) f.get(EXTENT)))) {
                    continue;
                }
                Map<String, Object> copy = new LinkedHashMap<>(f);
                copy.remove(EXTENT);
                copy.put("geometry", MapGeometry.simplify((JsonNode) f.get("geometry"), tolerance));
                features.add(copy);
            }
            out.put(layer, collection(features));
        }
        List<Map<String, Object>> firms = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) layers.get("enterprises")) {
            if (!overview && (bounds == null || bounds.contains((Double) e.get("lon"), (Double) e.get("lat")))) {
                firms.add(e);
            }
        }
        out.put("enterprises", columns(firms));
        return out;
    }

    /** Rows as columns, {key: [values …]}: the 2 000 firms of the demo town without their keys repeated. */
    private static Map<String, List<Object>> columns(List<Map<String, Object>> rows) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (String key : List.of("id", "name", "lon", "lat", "parcelId", "klass")) {
            List<Object> column = new ArrayList<>(rows.size());
            rows.forEach(r -> column.add(r.get(key)));
            out.put(key, column);
        }
        return out;
    }

    private @Nullable Long latestRun() {
        return jdbc.sql("select max(id) from evaluation_run where status in ('SCORED', 'PUBLICISED', 'FINAL')")
                .query(Long.class).optional().orElse(null);
    }

    private Map<Long, String> classes(long run) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("select enterprise_id, klass from evaluation_result where run_id = :run and klass is not null")
                .param("run", run).query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    private @Nullable Map<String, Object> townOutline(Scope scope) {
        String outline = jdbc.sql("select r.outline::text from region r join served_region() s on s.id = r.id")
                .query(String.class).optional().orElse(null);
        if (outline == null) {
            return null;
        }
        TownContext.Town t = town.town().orElseThrow();
        return collection(List.of(feature(outline, new LinkedHashMap<>(Map.of("name", t.name())))));
    }

    private List<Map<String, Object>> buildings(Scope scope) {
        List<Map<String, Object>> out = new ArrayList<>();
        ScopeParams.bind(jdbc.sql("""
                select b.id, b.name, b.parcel_id, b.geometry::text as geometry, coalesce(f.vacant_m2, 0) as vacant
                from building b left join building_fact f on f.building_id = b.id
                where b.geometry is not null and %s order by b.id
                """.formatted(Scope.parkCondition("b.park_id"))), scope).query(rs -> {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("id", rs.getLong("id"));
                    props.put("name", rs.getString("name"));
                    props.put("parcelId", rs.getLong("parcel_id"));
                    props.put("vacantM2", rs.getDouble("vacant"));
                    out.add(withExtent(feature(rs.getString("geometry"), props)));
                });
        return out;
    }

    private static Map<String, Object> withExtent(Map<String, Object> feature) {
        feature.put(EXTENT, MapBounds.extent((JsonNode) feature.get("geometry")));
        return feature;
    }

    /**
     * Enterprises as points: inside their building (or parcel), spread on a small circle so that firms sharing a
     * building stay apart. [{id, name, lon, lat, parcelId, klass}] A park operator sees the firms of its parks on its
     * parks' parcels (the registry's rule: the firm's principal park).
     */
    private List<Map<String, Object>> enterprises(Scope scope, Map<Long, String> classes) {
        Map<String, Geometry> shapes = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Integer> crowd = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        ScopeParams.bind(jdbc.sql("""
                select e.id, e.name, o.parcel_id, o.building_id,
                       coalesce(b.geometry, pa.geometry)::text as geometry
                from occupancy_at(:asOf) o
                join enterprise e on e.id = o.enterprise_id
                join parcel pa on pa.id = o.parcel_id
                left join building b on b.id = o.building_id
                where coalesce(b.geometry, pa.geometry) is not null and %s
                  and (:scopeAll or e.park_id = any(cast(:scopeParks as bigint[])))
                order by e.id, o.id
                """.formatted(Scope.condition("o.park_id", "e.id"))), scope).param("asOf", town.asOf()).query(rs -> {
                    long id = rs.getLong("id");
                    if (!seen.add(id)) {
                        return;
                    }
                    String key = rs.getString("geometry");
                    Geometry g = shapes.computeIfAbsent(key, k -> GeoJson.readPolygonal(k, gf));
                    Point c = g.getInteriorPoint();
                    int n = crowd.merge(key, 1, Integer::sum) - 1;
                    Geo.Projection p = Geo.Projection.at(c.getX(), c.getY());
                    double r = n == 0 ? 0 : 6 + 4 * Math.sqrt(n);
                    double a = n * 2.399963; // golden angle
                    var pt = p.unproject(r * Math.cos(a), r * Math.sin(a));
                    // Keep the point inside its building (or parcel): pull it towards the centre until it is.
                    while (r > 0.5 && !g.covers(gf.createPoint(pt))) {
                        r /= 2;
                        pt = p.unproject(r * Math.cos(a), r * Math.sin(a));
                    }
                    if (!g.covers(gf.createPoint(pt))) {
                        pt = c.getCoordinate();
                    }
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", id);
                    e.put("name", rs.getString("name"));
                    e.put("lon", Math.round(pt.x * 1e6) / 1e6);
                    e.put("lat", Math.round(pt.y * 1e6) / 1e6);
                    e.put("parcelId", rs.getLong("parcel_id"));
                    e.put("klass", classes.get(id));
                    out.add(e);
                });
        return out;
    }

    private static Map<String, Object> feature(String geometry, Map<String, Object> props) {
        JsonNode g = MAPPER.readTree(geometry);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("properties", props);
        f.put("geometry", g);
        return f;
    }

    private static Map<String, Object> collection(List<Map<String, Object>> features) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "FeatureCollection");
        c.put("features", features);
        return c;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
