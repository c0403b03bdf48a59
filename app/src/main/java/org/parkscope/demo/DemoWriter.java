package org.parkscope.demo;

import static org.parkscope.demo.DemoCatalog.AS_OF;
import static org.parkscope.demo.DemoCatalog.FIRST_YEAR;
import static org.parkscope.demo.DemoModel.YEARS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkscope.demo.DemoCatalog.ClusterDef;
import org.parkscope.demo.DemoCatalog.ParkDef;
import org.parkscope.demo.DemoCatalog.Theme;
import org.parkscope.demo.DemoModel.Building;
import org.parkscope.demo.DemoModel.Ent;
import org.parkscope.demo.DemoModel.Parcel;
import org.parkscope.demo.DemoModel.Park;
import org.parkscope.demo.DemoTown.Site;
import org.parkscope.shared.GeoJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes generated towns through {@code COPY}, one town at a time (its model can then be dropped): regions, then per
 * town its operators, parks, enterprises, parcels, buildings, tenants' floor space, occupancy, cluster members,
 * qualifications and figures. A further town's parks get invented names from its own (real) town name.
 */
final class DemoWriter {

    /** Invented park names of a further town, after its short name, one per demo park (in {@code PARKS} order). */
    private static final List<String> PARK_NAMES = List.of("汽车城", "新能源汽车产业园", "信息安全产业基地", "信创产业园",
            "数字智能产业园", "众创空间", "智造产业园", "智能制造园", "科创园", "产业园", "工业园", "智造园", "生物医药园",
            "科技园", "工业区", "电子信息园", "精密机械产业园", "先进制造园", "新材料园", "科创中心", "北部工业园",
            "汽车零部件园", "数字经济园");

    private final JdbcTemplate jdbc;
    private final Map<String, Long> clusterIds = new LinkedHashMap<>();
    private final Map<String, Long> regionIds = new HashMap<>();
    private final Set<String> parkNames = new HashSet<>();
    private long figureRows;

    DemoWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 上海市, the counties and the towns (泗泾镇 first, id 3), the clusters and the one import batch of the figures. */
    void writeHeader(List<Site> sites) {
        Site demo = sites.get(0);
        jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                + "(1, '310000', '上海市', 'PROVINCE', null, null, null)");
        jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                + "(2, '310117', '松江区', 'COUNTY', 1, null, cast(? as jsonb))", GeoJson.write(demo.outline()));
        regionIds.put(demo.countyCode(), 2L);
        long id = 3;
        for (Site s : sites) {
            if (!regionIds.containsKey(s.countyCode())) {
                regionIds.put(s.countyCode(), id);
                jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                        + "(?, ?, ?, 'COUNTY', 1, null, cast(? as jsonb))", id++, s.countyCode(), s.countyName(),
                        GeoJson.write(s.outline()));
            }
            if (s.isDemo()) {
                jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                        + "(3, ?, '泗泾镇', 'TOWN', 2, ?, null)", DemoTownGenerator.TOWN_CODE, AS_OF);
                regionIds.put(s.code12(), 3L);
                id = Math.max(id, 4);
            } else {
                regionIds.put(s.code12(), id);
                jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                        + "(?, ?, ?, 'TOWN', ?, ?, null)", id++, s.code12(), s.name(), regionIds.get(s.countyCode()), AS_OF);
            }
        }
        long cid = 1;
        for (ClusterDef c : DemoCatalog.CLUSTERS) {
            clusterIds.put(c.code(), cid);
            jdbc.update("insert into cluster(id, code, name, tier, parent_id, description) values (?, ?, ?, ?, ?, ?)", cid,
                    c.code(), c.name(), c.tier(), c.parent() == null ? null : clusterIds.get(c.parent()), c.description());
            cid++;
        }
        jdbc.update("insert into import_batch(id, kind, file_name, source_department, status, row_count, created_by)"
                + " values (1, 'DEMO', 'demo-town-seed-" + DemoTownGenerator.SEED + "', 'MULTIPLE', 'COMMITTED', 0, 'system')");
    }

    void writeTown(DemoTown town) {
        Site site = town.site;
        DemoCopy operators = new DemoCopy(jdbc, "park_operator", "id, name, contact");
        DemoCopy parks = new DemoCopy(jdbc, "park", "id, region_id, code, name, operator_id, kind, positioning,"
                + " cluster_tags, address, opened_on, boundary");
        for (int i = 0; i < town.parks.size(); i++) {
            Park p = town.parks.get(i);
            ParkDef def = p.def;
            String name = site.isDemo() ? def.name() : parkName(site, i);
            operators.add(p.operatorId, site.isDemo() ? def.operator() : "上海" + name + "运营管理有限公司",
                    "021-5762" + String.format("%04d", 1000 + p.id));
            parks.add(p.id, regionIds.get(site.code12()), site.isDemo() ? def.code() : site.code9() + "-" + def.code(),
                    name, p.operatorId, def.kind(), def.positioning(), def.tags().toArray(new String[0]),
                    site.isDemo() ? def.address() : site.name() + "园区路" + (10 * (i + 1)) + "号", def.openedOn(),
                    GeoJson.write(town.rectangle(p.x0, p.y0, p.w, p.h)));
        }
        operators.finish();
        parks.finish();
        writeEnterprises(town);
        DemoCopy parcels = new DemoCopy(jdbc, "parcel", "id, park_id, certificate_no, area_m2, land_use, rights_holder_id,"
                + " rights_holder_name, granted_on, term_ends_on, address, geometry");
        DemoCopy buildings = new DemoCopy(jdbc, "building", "id, parcel_id, park_id, name, floors, footprint_m2,"
                + " floor_area_m2, completed_year");
        for (Park park : town.parks) {
            for (Parcel p : park.parcels) {
                parcels.add(p.id, park.id, p.certificate, BigDecimal.valueOf(p.areaCentiM2, 2), p.landUse,
                        p.holder == null ? null : p.holder.id, p.holder == null ? p.holderName : p.holder.shownName,
                        LocalDate.of(1995 + (int) (p.id % 20), 1 + (int) (p.id % 12), 1 + (int) (p.id % 28)),
                        LocalDate.of(2045 + (int) (p.id % 20), 12, 31), site.isDemo() ? park.def.address() : site.name(),
                        GeoJson.write(town.rectangle(p.x0, park.y0, p.w, park.h)));
                for (Building b : p.buildings) {
                    buildings.add(b.id, p.id, park.id, b.name, b.floors,
                            BigDecimal.valueOf(Math.round(b.floorAreaCenti / (double) b.floors), 2),
                            BigDecimal.valueOf(b.floorAreaCenti, 2), 1995 + (int) (b.id % 25));
                }
            }
        }
        parcels.finish();
        buildings.finish();
        writeOccupancy(town);
        DemoCopy members = new DemoCopy(jdbc, "cluster_member", "cluster_id, enterprise_id");
        for (Ent e : town.ents) {
            for (String c : e.clusters) {
                members.add(clusterIds.get(c), e.id);
            }
        }
        members.finish();
        DemoCopy quals = new DemoCopy(jdbc, "qualification", "enterprise_id, type, level, certificate_no, issued_on,"
                + " expires_on, note");
        for (String[] q : town.qualifications) {
            quals.add(Long.parseLong(q[0]), q[1], q[2], q[3], q[4], q[5], q[6]);
        }
        quals.finish();
        writeFigures(town);
    }

    private String parkName(Site site, int i) {
        String name = site.shortName() + PARK_NAMES.get(i);
        return parkNames.add(name) ? name : site.countyName().substring(0, 2) + name;
    }

    private void writeEnterprises(DemoTown town) {
        Site site = town.site;
        DemoCopy rows = new DemoCopy(jdbc, "enterprise", "id, uscc, name, industry_code, sei_codes, size_class,"
                + " above_scale, hq, hq_kind, status, registered_on, registered_region_code, tax_region_code, park_id,"
                + " business_scope, main_products");
        for (Ent e : town.ents) {
            String seiCode = e.industry.sei();
            String elsewhere = site.countyCode() + (e.id % 2 == 0 ? "101000" : "103000");
            // The demo town's texts depend on its cluster members and are filled afterwards by DemoBusinessScopes.
            Object[] scope = site.isDemo() ? new Object[3] : DemoBusinessScopes.generic(e.id, e.shownName, e.industry.code());
            rows.add(e.id, e.uscc, e.shownName, e.industry.code(),
                    seiCode.isEmpty() ? new String[0] : new String[] {seiCode}, e.sizeClass, e.aboveScale, e.hq,
                    site.isDemo() || !e.known ? e.hqKind : null, e.status,
                    LocalDate.of(e.registeredYear, 1 + (int) (e.id % 12), 1 + (int) (e.id % 28)), site.code12(),
                    e.taxLocal ? site.code12() : elsewhere.equals(site.code12()) ? site.countyCode() + "102000" : elsewhere,
                    e.park.id, scope[1], scope[2]);
        }
        rows.finish();
    }

    private void writeOccupancy(DemoTown town) {
        DemoCopy spaces = new DemoCopy(jdbc, "floor_space", "id, building_id, park_id, label, floor_no, area_m2, use");
        DemoCopy occ = new DemoCopy(jdbc, "occupancy", "enterprise_id, parcel_id, park_id, building_id, floor_space_id,"
                + " role, landlord_id, leased_area_m2, valid_from, valid_to");
        Map<Long, Integer> unitNo = new HashMap<>();
        for (Ent e : town.ents) {
            Building b = e.building;
            Long fs = null;
            BigDecimal leased = null;
            if (e.role.equals("TENANT")) {
                int n = unitNo.merge(b.id, 1, Integer::sum);
                int floor = 1 + (n - 1) % b.floors;
                fs = ++town.shared.floorSpaces;
                leased = BigDecimal.valueOf(e.leasedCenti, 2);
                spaces.add(fs, b.id, e.park.id, b.name + "-" + floor + "F-" + String.format("%02d", n), floor,
                        leased, e.theme == Theme.AUTO_TRADE ? "展厅" : e.industrial ? "厂房" : "办公");
            } else if (e.role.equals("LANDLORD") && e.park.def.code().equals("SLS")) {
                for (Parcel p : e.park.parcels) { // the operator leases the whole site
                    occ.add(e.id, p.id, e.park.id, null, null, "LANDLORD", null,
                            BigDecimal.valueOf(p.areaCentiM2, 2), LocalDate.of(2019, 5, 1), LocalDate.of(2039, 4, 30));
                }
                continue;
            }
            occ.add(e.id, e.parcel.id, e.park.id, e.role.equals("TENANT") ? b.id : null, fs, e.role,
                    e.landlord == null ? null : e.landlord.id, leased,
                    LocalDate.of(Math.max(e.registeredYear, 2012), 1 + (int) (e.id % 12), 1), null);
        }
        spaces.finish();
        occ.finish();
    }

    /** Figures go in through COPY, the way the importer's bulk path writes them. */
    private void writeFigures(DemoTown town) {
        DemoCopy csv = new DemoCopy(jdbc, "indicator_value", "enterprise_id, period, metric, value, unit,"
                + " source_department, import_batch_id");
        for (Ent e : town.ents) {
            for (int y = 0; y < YEARS; y++) {
                if (!e.active(y)) {
                    continue;
                }
                String period = String.valueOf(FIRST_YEAR + y);
                row(csv, e, period, "REVENUE", e.revenue[y], "万元", "STATS");
                if (e.taxLocal) {
                    row(csv, e, period, "TAX", e.tax[y], "万元", "TAX");
                }
                row(csv, e, period, "RD", e.rd[y], "万元", "STATS");
                row(csv, e, period, "ENERGY", e.energy[y], "吨标准煤", "STATS");
                row(csv, e, period, "ELECTRICITY", e.electricity[y], "万千瓦时", "POWER");
                csv.add(e.id, period, "STAFF", e.staff[y], "人", "STATS", 1);
                if (e.output[y] > 0) {
                    row(csv, e, period, "OUTPUT", e.output[y], "万元", "STATS");
                    row(csv, e, period, "EMISSIONS", e.emission[y], "吨", "ENV");
                }
                if (e.va[y] > 0) {
                    row(csv, e, period, "VALUE_ADDED", e.va[y], "万元", "STATS");
                }
                if (e.sales[y] > 0) {
                    row(csv, e, period, "GOODS_SALES", e.sales[y], "万元", "STATS");
                }
            }
        }
        figureRows += csv.finish();
    }

    private static void row(DemoCopy csv, Ent e, String period, String metric, long centis, String unit, String dept) {
        csv.add(e.id, period, metric, BigDecimal.valueOf(centis, 2), unit, dept, 1);
    }

    /** The figures' batch row count, the sequences past the ids written, once every town is in. */
    void finish() {
        jdbc.update("update import_batch set row_count = ? where id = 1", figureRows);
        for (String table : List.of("region", "park_operator", "park", "parcel", "building", "floor_space", "enterprise",
                "occupancy", "cluster", "qualification", "import_batch", "indicator_value")) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from "
                    + table + "), 0) + 1, false)");
        }
    }
}
