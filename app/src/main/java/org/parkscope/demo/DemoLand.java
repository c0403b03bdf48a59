package org.parkscope.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.parkscope.core.land.Geo;
import org.parkscope.shared.GeoJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo town's land layer, written after the registry: the town outline, building footprints, vacant floor space
 * with what a 招商 officer asks about (area, floor, load, clear height, rent), land contracts with their obligations,
 * and the revitalisation ledger's 手拉手汽车港 case (the former 江南造船厂泗泾分厂, 157 亩).
 *
 * <p>Assumptions, all marked here because no source gives them: the real 泗泾镇 boundary is not in {@code shared/data},
 * so the outline is the parks' hull widened by 400 m; the shipyard branch's 2019 figures (revenue 4 860 万元, tax
 * 118 万元, 96 staff) are invented to give the before side of the ledger; contract targets are drawn from typical
 * Shanghai 标准地 ranges (tax 10–25 万元/亩, output 200–500 万元/亩).
 */
final class DemoLand {

    static final String SHIPYARD = "江南造船(集团)有限责任公司泗泾分厂";
    static final LocalDate TAKEOVER = LocalDate.of(2019, 5, 1);
    static final LocalDate OPENED = LocalDate.of(2020, 10, 1);

    private final JdbcTemplate jdbc;
    private final Random rnd = new Random(DemoTownGenerator.SEED + 6);
    private final GeometryFactory gf = new GeometryFactory();

    private int contractNo;

    DemoLand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The land layer of one town: the parks {@code firstPark..lastPark} are its own. */
    void write(DemoTown.Site site, long firstPark, long lastPark) {
        townOutline(site, firstPark, lastPark);
        buildingFootprints(firstPark, lastPark);
        vacantSpace(firstPark, lastPark);
        contracts(site, firstPark, lastPark);
        if (site.isDemo()) {
            shipyardCase();
        }
    }

    private void townOutline(DemoTown.Site site, long firstPark, long lastPark) {
        List<String> boundaries = jdbc.queryForList("select boundary::text from park where boundary is not null"
                + " and id between ? and ? order by id", String.class, firstPark, lastPark);
        List<Geometry> shapes = new ArrayList<>();
        for (String b : boundaries) {
            shapes.add(GeoJson.readPolygonal(b, gf));
        }
        Geometry all = gf.buildGeometry(shapes);
        Geo.Projection p = Geo.Projection.centredOn(all);
        Geometry hull = p.project(all).convexHull().buffer(400, 4);
        Coordinate[] ring = hull.getCoordinates();
        Coordinate[] lonLat = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            Coordinate c = p.unproject(ring[i].x, ring[i].y);
            lonLat[i] = new Coordinate(round6(c.x), round6(c.y));
        }
        lonLat[lonLat.length - 1] = lonLat[0];
        jdbc.update("update region set outline = cast(? as jsonb) where code = ?",
                GeoJson.write(gf.createPolygon(lonLat)), site.code12());
    }

    /** Buildings as rectangles in a column inside their parcel, each sized to its footprint. */
    private void buildingFootprints(long firstPark, long lastPark) {
        Map<Long, String> parcels = new java.util.LinkedHashMap<>();
        jdbc.query("select id, geometry::text from parcel where park_id between ? and ? order by id", rs -> {
            parcels.put(rs.getLong(1), rs.getString(2));
        }, firstPark, lastPark);
        Map<Long, List<Map<String, Object>>> byParcel = new java.util.HashMap<>();
        for (Map<String, Object> b : jdbc.queryForList("select id, parcel_id, floors, floor_area_m2 from building"
                + " where park_id between ? and ? order by id", firstPark, lastPark)) {
            byParcel.computeIfAbsent(((Number) b.get("parcel_id")).longValue(), k -> new ArrayList<>()).add(b);
        }
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<Long, String> e : parcels.entrySet()) {
            Geometry parcel = GeoJson.readPolygonal(e.getValue(), gf);
            Geo.Projection p = Geo.Projection.centredOn(parcel);
            Envelope env = p.project(parcel).getEnvelopeInternal();
            List<Map<String, Object>> buildings = byParcel.get(e.getKey());
            double slot = env.getHeight() / buildings.size();
            for (int i = 0; i < buildings.size(); i++) {
                Map<String, Object> b = buildings.get(i);
                double footprint = ((BigDecimal) b.get("floor_area_m2")).doubleValue() / (Integer) b.get("floors");
                double w = env.getWidth() * 0.7;
                double h = Math.min(slot * 0.75, footprint / w);
                double x0 = env.getMinX() + env.getWidth() * 0.15;
                double y0 = env.getMinY() + slot * i + (slot - h) / 2;
                updates.add(new Object[] {GeoJson.write(rect(p, x0, y0, w, h)), b.get("id")});
            }
        }
        jdbc.batchUpdate("update building set geometry = cast(? as jsonb) where id = ?", updates);
    }

    private Polygon rect(Geo.Projection p, double x0, double y0, double w, double h) {
        Coordinate[] c = {p.unproject(x0, y0), p.unproject(x0 + w, y0), p.unproject(x0 + w, y0 + h),
            p.unproject(x0, y0 + h), null};
        for (int i = 0; i < 4; i++) {
            c[i] = new Coordinate(round6(c[i].x), round6(c[i].y));
        }
        c[4] = c[0];
        return gf.createPolygon(c);
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Part of the floor area nobody leases is offered as units with their technical data and asking rent. */
    private void vacantSpace(long firstPark, long lastPark) {
        List<Map<String, Object>> buildings = jdbc.queryForList("""
                select b.id, b.park_id, b.name, b.floors, b.floor_area_m2,
                       coalesce((select sum(f.area_m2) from floor_space f where f.building_id = b.id), 0) as let,
                       exists (select 1 from parcel pa join occupancy o on o.parcel_id = pa.id and o.role = 'OWNER_OCCUPIER'
                               where pa.id = b.parcel_id) as owner_occupied,
                       (select pa.land_use from parcel pa where pa.id = b.parcel_id) as land_use
                from building b where b.park_id between ? and ? order by b.id""", firstPark, lastPark);
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> b : buildings) {
            double free = ((BigDecimal) b.get("floor_area_m2")).doubleValue() - ((BigDecimal) b.get("let")).doubleValue();
            boolean owner = (Boolean) b.get("owner_occupied");
            double draw = rnd.nextDouble();
            if (owner || free < 300 || draw > 0.45) {
                continue;
            }
            int units = 1 + rnd.nextInt(2);
            int floors = (Integer) b.get("floors");
            boolean office = "科研用地".equals(b.get("land_use")) || rnd.nextDouble() < 0.2;
            boolean showroom = "商业用地".equals(b.get("land_use"));
            for (int u = 1; u <= units; u++) {
                double area = Math.min(free * 0.45, Math.exp(Math.log(900) + rnd.nextGaussian() * 0.6));
                if (area < 120) {
                    break;
                }
                free -= area;
                int floor = 1 + rnd.nextInt(floors);
                double load = office ? 2.0 + rnd.nextInt(4) * 0.5 : floor == 1 ? 8 + rnd.nextInt(8) : 5 + rnd.nextInt(4);
                double height = office ? 3.0 + rnd.nextInt(4) * 0.2 : floor == 1 ? 7 + rnd.nextInt(6) : 4.5 + rnd.nextInt(4) * 0.5;
                double rent = office ? 2.0 + rnd.nextInt(12) * 0.1 : 1.0 + rnd.nextInt(10) * 0.1;
                rows.add(new Object[] {b.get("id"), b.get("park_id"), String.format(Locale.ROOT, "%s-%dF-V%d", b.get("name"),
                    floor, u), floor, BigDecimal.valueOf(area).setScale(2, RoundingMode.HALF_UP),
                    office ? "办公" : showroom ? "展厅" : "厂房", BigDecimal.valueOf(load).setScale(1, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(height).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(rent).setScale(2, RoundingMode.HALF_UP),
                    LocalDate.of(2024, 1 + rnd.nextInt(6), 1)});
            }
        }
        jdbc.batchUpdate("insert into floor_space(building_id, park_id, label, floor_no, area_m2, use, floor_load_kn_m2,"
                + " clear_height_m, rent_yuan_m2_day, available_from) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Contracts on the industrial parcels granted since 2008 (the life-cycle era): a 达产 check three years after
     * completion and reviews every five years. One landlord never finished building and sublets instead.
     */
    private void contracts(DemoTown.Site site, long firstPark, long lastPark) {
        List<Map<String, Object>> parcels = jdbc.queryForList("""
                select pa.id, pa.granted_on, pa.term_ends_on, pa.rights_holder_id is not null and exists (
                         select 1 from occupancy o where o.parcel_id = pa.id and o.role = 'LANDLORD') as landlord
                from parcel pa
                where pa.land_use = '工业用地' and pa.granted_on >= date '2008-01-01' and pa.park_id between ? and ?
                order by pa.id""", firstPark, lastPark);
        boolean overdueDone = false;
        for (Map<String, Object> pa : parcels) {
            LocalDate signed = ((java.sql.Date) pa.get("granted_on")).toLocalDate();
            LocalDate due = signed.plusYears(2);
            LocalDate done = due.plusMonths(rnd.nextInt(10) - 4);
            boolean overdue = !overdueDone && (Boolean) pa.get("landlord") && signed.getYear() >= 2013;
            if (overdue) {
                done = null; // still not completed: the land is let out as it stands
                overdueDone = true;
            }
            String kind = signed.getYear() >= 2017 ? "STANDARD" : "LIFECYCLE";
            Long contractId = jdbc.queryForObject("insert into land_contract(parcel_id, contract_no, kind, signed_on,"
                    + " construction_start_due, completion_due, completed_on, term_ends_on, note) values (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?) returning id", Long.class, pa.get("id"),
                    String.format(Locale.ROOT, "沪%s规划资源(%d)出让合第%04d号", DemoSites.abbreviation(site.countyCode()),
                            signed.getYear(), 100 + (++contractNo) * 7), kind,
                    signed, signed.plusMonths(6), due, done, pa.get("term_ends_on"),
                    overdue ? "演示：建设未按期竣工，现状出租" : null);
            double taxTarget = 10 + rnd.nextInt(16);
            double outputTarget = 200 + rnd.nextInt(7) * 50;
            jdbc.update("insert into land_obligation(contract_id, metric, label, target, unit, per_mu, at_most, event,"
                    + " offset_years, every_years, tolerance, consequence) values (?, 'TAX', '亩均税收', ?, '万元/亩', true,"
                    + " false, 'COMPLETION', 3, 5, 0.1, '限期整改；未整改的按合同收取违约金')", contractId, taxTarget);
            jdbc.update("insert into land_obligation(contract_id, metric, label, target, unit, per_mu, at_most, event,"
                    + " offset_years, every_years, tolerance, consequence) values (?, 'OUTPUT', '亩均产值', ?, '万元/亩', true,"
                    + " false, 'COMPLETION', 3, 5, 0.1, '限期整改；整改后仍未达标的可依约收回土地使用权')", contractId, outputTarget);
        }
    }

    /**
     * 手拉手汽车港: until April 2019 the shipyard branch worked the site; 上海手牵手科技发展有限公司 took it over in May
     * 2019 and opened the auto hub in October 2020. The ledger compares 2019 with each year after.
     */
    private void shipyardCase() {
        Long park = jdbc.queryForObject("select id from park where code = 'SLS'", Long.class);
        List<Long> parcels = jdbc.queryForList("select id from parcel where park_id = ? order by id", Long.class, park);
        Long shipyard = jdbc.queryForObject("insert into enterprise(uscc, name, industry_code, sei_codes, size_class,"
                + " above_scale, status, registered_on, registered_region_code, tax_region_code, park_id)"
                + " values (?, ?, '3731', '{}', 'MEDIUM', true, 'MOVED_OUT', date '1998-06-18', ?, ?, ?) returning id",
                Long.class, shipyardUscc(), SHIPYARD,
                DemoTownGenerator.TOWN_CODE, DemoTownGenerator.TOWN_CODE, park);
        for (Long p : parcels) {
            jdbc.update("insert into occupancy(enterprise_id, parcel_id, park_id, role, valid_from, valid_to)"
                    + " values (?, ?, ?, 'OWNER_OCCUPIER', date '1998-06-18', date '2019-04-30')", shipyard, p, park);
        }
        Object[][] figures = {{"REVENUE", "4860", "万元", "STATS"}, {"OUTPUT", "4702.5", "万元", "STATS"},
            {"TAX", "118", "万元", "TAX"}, {"STAFF", "96", "人", "STATS"}, {"ELECTRICITY", "312.4", "万千瓦时", "POWER"},
            {"ENERGY", "451.8", "吨标准煤", "STATS"}};
        for (Object[] f : figures) {
            jdbc.update("insert into indicator_value(enterprise_id, period, metric, value, unit, source_department,"
                    + " import_batch_id) values (?, '2019', ?, ?, ?, ?, 1)", shipyard, f[0], new BigDecimal((String) f[1]),
                    f[2], f[3]);
        }
        Long id = jdbc.queryForObject("insert into land_intervention(kind, title, started_on, completed_on, baseline_year,"
                + " description, document, created_by) values ('REPLACEMENT', ?, ?, ?, 2019, ?, ?, 'system') returning id",
                Long.class, "原江南造船厂泗泾分厂 157 亩盘活为手拉手汽车港", TAKEOVER, OPENED,
                "镇政府与土地权利人中船科技协商，由上海手牵手科技发展有限公司整体租赁、改造并运营，镇里负责招商，定位新能源汽车交付与后市场。",
                "泗泾镇 × 中船科技 合作协议（演示数据）");
        for (Long p : parcels) {
            jdbc.update("insert into land_intervention_parcel(intervention_id, parcel_id) values (?, ?)", id, p);
        }
    }

    /** A valid code for the branch (GB 32100 and GB 11714 check characters computed, not typed). */
    private static String shipyardUscc() {
        for (char c : org.parkscope.core.code.Uscc.ALPHABET.toCharArray()) {
            String code = org.parkscope.core.code.Uscc.complete("91310117MA1J3Y8" + c);
            if (code.indexOf('/') < 0) {
                return code;
            }
        }
        throw new IllegalStateException("no valid demo code for the shipyard branch");
    }
}
