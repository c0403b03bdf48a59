package org.parkscope.demo;

import static org.parkscope.demo.DemoCatalog.AS_OF;
import static org.parkscope.demo.DemoCatalog.FIRST_YEAR;
import static org.parkscope.demo.DemoCatalog.LAST_YEAR;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.core.code.Uscc;
import org.parkscope.core.stats.AboveScale;
import org.parkscope.core.stats.EnterpriseSize;
import org.parkscope.demo.DemoCatalog.ClusterDef;
import org.parkscope.demo.DemoCatalog.Industry;
import org.parkscope.demo.DemoCatalog.ParkDef;
import org.parkscope.shared.GeoJson;
import org.parkscope.demo.DemoCatalog.Theme;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the demo town, modelled on 泗泾镇, into an empty database from a fixed seed: 23 park platforms with parcels
 * drawn inside the real 松江区 outline, buildings and floor space, about 2 000 enterprises with five years of figures,
 * landlord/tenant sublets (园中园/厂中厂) and qualifications.
 *
 * <p>The figures the article states come out of the data when computed the ordinary way (sums, counts, shares); the
 * generator steers its random draws towards them and corrects the last cent, but stores no figure as such.
 */
public final class DemoTownGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoTownGenerator.class);

    public static final long SEED = 20240314L;
    public static final String TOWN_CODE = "310117102000";
    static final String TOWN_CODE9 = "310117102";
    private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;
    private static final double CENTER_LON = 121.272;
    private static final double CENTER_LAT = 31.100;
    private static final double M_PER_DEG_LAT = 110_900.0;
    private static final double M_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(CENTER_LAT));

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Random rnd = new Random(SEED);
    private final IndustryCodes industryCodes = IndustryCodes.load();
    private final GeometryFactory gf = new GeometryFactory();
    private final Set<String> usedUscc = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();

    public DemoTownGenerator(DataSource dataSource, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = tx;
    }

    /** True when the registry is empty, so the demo town may be generated. */
    public boolean databaseIsEmpty() {
        Integer n = jdbc.queryForObject("select count(*) from region", Integer.class);
        return n == null || n == 0;
    }

    // ------------------------------------------------------------------------------------------------ model

    static final class Park {
        long id;
        ParkDef def;
        long operatorId;
        double x0, y0, w, h; // metres relative to the town centre
        final List<Parcel> parcels = new ArrayList<>();
    }

    static final class Parcel {
        long id;
        Park park;
        String certificate;
        long areaCentiM2; // m² × 100
        double x0, w;
        String landUse;
        Ent holder; // the enterprise holding the land right, or null (an owner outside the town)
        String holderName;
        boolean sublet;
        final List<Building> buildings = new ArrayList<>();
    }

    static final class Building {
        long id;
        Parcel parcel;
        String name;
        int floors;
        long floorAreaCenti;
        long leasedCenti;
        int units;
    }

    static final class Ent {
        long id;
        String uscc;
        String name;
        Industry industry;
        String section;
        Theme theme;
        Park park;
        Parcel parcel;
        Building building;
        String role; // LANDLORD, OWNER_OCCUPIER, TENANT
        Ent landlord;
        long leasedCenti;
        int registeredYear;
        boolean taxLocal = true;
        boolean industrial;
        boolean aboveScale;
        boolean hq;
        String hqKind;
        String status = "ACTIVE";
        String sizeClass;
        final long[] revenue = new long[YEARS]; // 0.01 万元
        final long[] tax = new long[YEARS];
        final long[] output = new long[YEARS];
        final long[] va = new long[YEARS];
        final long[] rd = new long[YEARS];
        final long[] sales = new long[YEARS];
        final long[] energy = new long[YEARS]; // 0.01 tce
        final long[] electricity = new long[YEARS]; // 0.01 万kWh
        final long[] emission = new long[YEARS]; // 0.01 t
        final int[] staff = new int[YEARS];
        final Set<String> clusters = new HashSet<>();

        boolean active(int yearIdx) {
            return FIRST_YEAR + yearIdx >= registeredYear;
        }
    }

    private final List<Park> parks = new ArrayList<>();
    private final List<Ent> ents = new ArrayList<>();
    private final List<String[]> qualifications = new ArrayList<>();
    private long nextBuildingId = 1;

    // ------------------------------------------------------------------------------------------------ entry

    /** Generates the town and writes it in one transaction: either the whole town is there or nothing is. */
    public void generate() {
        long t0 = System.nanoTime();
        buildParks();
        buildEnterprises();
        buildFigures();
        steerToArticle();
        buildClusters();
        buildQualifications();
        tx.executeWithoutResult(status -> write());
        // Fresh statistics for the planner: without them the first queries on a just-filled server (autovacuum has not
        // looked yet) plan for empty tables; PostgreSQL 15 took 20 s over the cluster revenue that way.
        jdbc.execute("analyze");
        log.info("Demo town generated: {} parks, {} parcels, {} enterprises in {} ms", parks.size(),
                parks.stream().mapToInt(p -> p.parcels.size()).sum(), ents.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    // ------------------------------------------------------------------------------------------------ land

    private void buildParks() {
        Geometry songjiang = songjiangOutline();
        int cols = 6;
        double cellW = 880, cellH = 760;
        long parcelSeq = 1;
        for (int i = 0; i < DemoCatalog.PARKS.size(); i++) {
            ParkDef def = DemoCatalog.PARKS.get(i);
            Park park = new Park();
            park.id = i + 1;
            park.def = def;
            park.operatorId = i + 1;
            double areaM2 = def.landMu() * 2000.0 / 3.0;
            park.w = Math.sqrt(areaM2 * 1.3);
            park.h = areaM2 / park.w;
            int col = i % cols, row = i / cols;
            park.x0 = (col - cols / 2.0) * cellW + (cellW - park.w) * rnd.nextDouble() * 0.8;
            park.y0 = (1 - row) * cellH + (cellH - park.h) * rnd.nextDouble() * 0.8;
            if (!songjiang.contains(rectangle(park.x0, park.y0, park.w, park.h))) {
                throw new IllegalStateException("Demo park " + def.name() + " falls outside 松江区");
            }
            // Parcels are strips across the park; their certificate areas add up to the park's land exactly.
            long totalCenti = Math.round(areaM2 * 100);
            double[] shares = new double[def.parcels()];
            double sum = 0;
            for (int k = 0; k < shares.length; k++) {
                shares[k] = 0.6 + rnd.nextDouble();
                sum += shares[k];
            }
            long assigned = 0;
            double x = park.x0;
            for (int k = 0; k < shares.length; k++) {
                Parcel p = new Parcel();
                p.id = parcelSeq++;
                p.park = park;
                p.areaCentiM2 = k == shares.length - 1 ? totalCenti - assigned : Math.round(totalCenti * shares[k] / sum);
                assigned += p.areaCentiM2;
                p.w = park.w * p.areaCentiM2 / (double) totalCenti;
                p.x0 = x;
                x += p.w;
                p.certificate = String.format(Locale.ROOT, "沪(%d)松字不动产权第%06d号", 2012 + rnd.nextInt(11),
                        10000 + rnd.nextInt(80000) * 7 + (int) p.id);
                p.landUse = def.theme() == Theme.AUTO_TRADE && k > 0 ? "商业用地"
                        : def.theme() == Theme.SERVICES && rnd.nextDouble() < 0.3 ? "科研用地" : "工业用地";
                p.sublet = def.ownerShare() <= 0 || rnd.nextDouble() >= def.ownerShare();
                park.parcels.add(p);
                int buildings = 1 + rnd.nextInt(3);
                for (int b = 0; b < buildings; b++) {
                    Building bd = new Building();
                    bd.id = nextBuildingId++;
                    bd.parcel = p;
                    bd.name = (b + 1) + "号楼";
                    bd.floors = def.theme() == Theme.AUTO_TRADE ? 1 + rnd.nextInt(3) : 1 + rnd.nextInt(6);
                    double plotRatio = 0.8 + rnd.nextDouble() * 1.2;
                    bd.floorAreaCenti = Math.round(p.areaCentiM2 * plotRatio / buildings);
                    p.buildings.add(bd);
                }
            }
            parks.add(park);
        }
    }

    private Geometry songjiangOutline() {
        try (InputStream in = getClass().getResourceAsStream("/demo/songjiang-310117.geojson")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return GeoJson.readFirstPolygon(json, gf);
        } catch (IOException e) {
            throw new IllegalStateException("The 松江区 outline is missing from the application", e);
        }
    }

    private Polygon rectangle(double x0, double y0, double w, double h) {
        Coordinate[] c = {toLonLat(x0, y0), toLonLat(x0 + w, y0), toLonLat(x0 + w, y0 + h), toLonLat(x0, y0 + h),
            toLonLat(x0, y0)};
        return gf.createPolygon(c);
    }

    private static Coordinate toLonLat(double x, double y) {
        double lon = CENTER_LON + x / M_PER_DEG_LON;
        double lat = CENTER_LAT + y / M_PER_DEG_LAT;
        return new Coordinate(Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6);
    }

    // ------------------------------------------------------------------------------------------------ enterprises

    private void buildEnterprises() {
        // Known firms named in the article, placed where the article puts them.
        Park xc = park("G60XC"), mm = park("G60MM"), jg = park("JGZN"), sls = park("SLS");
        Ent quectel = known("上海移远通信技术股份有限公司", "3922", "1.1", Theme.XINCHUANG, xc, "OWNER_OCCUPIER", 2012);
        quectel.hq = true;
        quectel.hqKind = "全球总部；首批上海市创新型企业总部";
        Ent transcom = known("创远信科(上海)技术股份有限公司", "4028", "1.1", Theme.XINCHUANG, xc, "OWNER_OCCUPIER", 2005);
        transcom.hq = true;
        transcom.hqKind = "创远集团总部";
        known("智巡密码(上海)检测技术有限公司", "7452", "1.4", Theme.CRYPTO, mm, "TENANT", 2021);
        Ent comau = known("柯马(上海)工程有限公司", "3491", "2.1", Theme.SMART_MFG, jg, "OWNER_OCCUPIER", 2006);
        comau.hq = true;
        comau.hqKind = "亚太区总部";

        Park jg168early = park("JG168");
        jg168early.parcels.get(0).sublet = true; // Xiaomi's delivery centre rents there
        // Parcel holders: an owner-occupier (one firm on the whole parcel) or a landlord that sublets.
        for (Park park : parks) {
            for (Parcel p : park.parcels) {
                if (park.def.code().equals("SLS")) {
                    p.holderName = "中船科技股份有限公司"; // landowner outside the town; the operator sublets
                    continue;
                }
                Ent existing = ents.stream().filter(e -> e.parcel == p).findFirst().orElse(null);
                if (existing != null && existing.role.equals("OWNER_OCCUPIER")) {
                    p.sublet = false;
                    p.holder = existing;
                } else {
                    Theme t = p.sublet ? Theme.TRADITIONAL_MFG : rnd.nextDouble() < 0.75 ? park.def.theme() : park.def.secondTheme();
                    Ent holder = newEnt(t, park, p, p.sublet ? "LANDLORD" : "OWNER_OCCUPIER", 1995 + rnd.nextInt(20));
                    p.holder = holder;
                }
                p.holderName = p.holder.name;
            }
        }
        // 手拉手: the operator rents the whole site from 中船科技 and sublets it.
        Ent operator = known("上海手牵手科技发展有限公司", "7221", "", Theme.AUTO_TRADE, sls, "LANDLORD", 2019);
        operator.parcel = sls.parcels.get(0);
        for (Parcel p : sls.parcels) {
            p.sublet = true;
        }
        // Fix the known firms' parcels so that none collides with another owner.
        Ent crypto = ents.stream().filter(e -> e.name.startsWith("智巡")).findFirst().orElseThrow();
        crypto.parcel = mm.parcels.get(0);

        // 手拉手汽车港: four delivery centres, more than ten brands, parts and services.
        String[] slsBrands = {"极氪", "长安深蓝", "赛力斯", "大运", "岚图", "智己", "阿维塔", "零跑", "哪吒", "小鹏", "埃安",
            "极狐", "飞凡", "坦克"};
        for (int i = 0; i < slsBrands.length; i++) {
            String name = "上海" + slsBrands[i] + (i < 4 ? "新能源汽车交付中心有限公司" : "汽车销售服务有限公司");
            Ent e = known(name, "5261", "5.4", Theme.AUTO_TRADE, sls, "TENANT", 2020 + Math.min(3, i / 4));
            e.parcel = sls.parcels.get(i % sls.parcels.size());
        }
        for (int i = 0; i < 14; i++) {
            Ent e = newEnt(Theme.AUTO_TRADE, sls, sls.parcels.get(i % sls.parcels.size()), "TENANT", 2020 + rnd.nextInt(4));
            e.taxLocal = true;
        }
        Park jg168 = park("JG168");
        Ent xiaomi = known("小米汽车销售(上海)有限公司泗泾交付中心", "5261", "5.4", Theme.AUTO_TRADE, jg168, "TENANT", 2023);
        xiaomi.parcel = jg168.parcels.get(0);

        // Tenants fill the rest, spread over the sublet parcels by each park's weight.
        List<Parcel> sublet = parks.stream().filter(p -> !p.def.code().equals("SLS"))
                .flatMap(p -> p.parcels.stream()).filter(p -> p.sublet).collect(Collectors.toList());
        double[] weights = sublet.stream().mapToDouble(p -> p.park.def.weight() * Math.sqrt(p.areaCentiM2)).toArray();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        while (ents.size() < DemoCatalog.ENTERPRISES) {
            double r = rnd.nextDouble() * total;
            int k = 0;
            while (k < weights.length - 1 && (r -= weights[k]) > 0) {
                k++;
            }
            Parcel p = sublet.get(k);
            Theme t = rnd.nextDouble() < 0.7 ? p.park.def.theme() : p.park.def.secondTheme();
            Ent e = newEnt(t, p.park, p, "TENANT", 2005 + rnd.nextInt(19));
            e.taxLocal = rnd.nextDouble() >= 0.07; // some 园中园 tenants pay their tax outside the town
        }
        // Every tenant rents from its parcel's holder (or, in 手拉手, from the operator).
        for (Ent e : ents) {
            if (e.role.equals("TENANT")) {
                e.landlord = e.park == sls ? operator : e.parcel.holder;
            }
        }
        assignFloorSpace();
    }

    private Park park(String code) {
        return parks.stream().filter(p -> p.def.code().equals(code)).findFirst().orElseThrow();
    }

    private Ent known(String name, String industry, String sei, Theme theme, Park park, String role, int year) {
        Ent e = new Ent();
        e.id = ents.size() + 1;
        e.name = name;
        usedNames.add(name);
        e.industry = new Industry(industry, sei, new String[] {""});
        e.theme = theme;
        e.park = park;
        e.role = role;
        e.parcel = park.parcels.get(ents.size() % park.parcels.size());
        e.registeredYear = year;
        e.uscc = mintUscc();
        finishEnt(e);
        ents.add(e);
        if (role.equals("OWNER_OCCUPIER")) {
            e.parcel.holder = e;
            e.parcel.sublet = false;
        }
        return e;
    }

    private Ent newEnt(Theme theme, Park park, Parcel parcel, String role, int year) {
        List<Industry> pool = DemoCatalog.INDUSTRIES.get(theme);
        Industry ind = pool.get(rnd.nextInt(pool.size()));
        Ent e = new Ent();
        e.id = ents.size() + 1;
        e.industry = ind;
        e.theme = theme;
        e.park = park;
        e.parcel = parcel;
        e.role = role;
        e.registeredYear = Math.min(LAST_YEAR, year);
        e.uscc = mintUscc();
        e.name = mintName(ind);
        finishEnt(e);
        ents.add(e);
        return e;
    }

    private void finishEnt(Ent e) {
        e.section = industryCodes.sectionOf(e.industry.code());
        if (industryCodes.find(e.industry.code()).isEmpty()) {
            throw new IllegalStateException("Demo industry code " + e.industry.code() + " is not in GB/T 4754-2017");
        }
        e.industrial = industryCodes.isIndustrial(e.industry.code());
    }

    private static final String BRAND = "泓睿恒瑞晟鼎博源德华昊宇凯嘉新锐启航智联信达远拓朗卓璟铭泰丰沛鸿盛坤乾晖煜展弘誉同和汇众川峰";

    private String mintName(Industry ind) {
        for (int attempt = 0; ; attempt++) {
            String brand = "" + BRAND.charAt(rnd.nextInt(BRAND.length())) + BRAND.charAt(rnd.nextInt(BRAND.length()));
            String word = ind.words()[rnd.nextInt(ind.words().length)];
            String suffix = rnd.nextDouble() < 0.08 ? "股份有限公司" : "有限公司";
            String name = (rnd.nextDouble() < 0.85 ? "上海" + brand : brand + "(上海)") + word + suffix;
            if (usedNames.add(name)) {
                return name;
            }
            if (attempt > 50) {
                throw new IllegalStateException("Could not mint a unique demo enterprise name");
            }
        }
    }

    private static final String BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private String mintUscc() {
        while (true) {
            StringBuilder sb = new StringBuilder("91310117");
            for (int i = 0; i < 8; i++) {
                sb.append(BODY.charAt(rnd.nextInt(BODY.length())));
            }
            String code = Uscc.complete(sb.toString());
            if (code.indexOf('/') < 0 && Uscc.check(code, false).ok() && usedUscc.add(code)) {
                return code;
            }
        }
    }

    /** Each tenant gets one unit in a building of its parcel; buildings grow to hold what is let in them. */
    private void assignFloorSpace() {
        for (Ent e : ents) {
            List<Building> bs = e.parcel.buildings;
            Building b = bs.get(rnd.nextInt(bs.size()));
            e.building = b;
            if (e.role.equals("TENANT")) {
                long area = e.theme == Theme.AUTO_TRADE ? 150000 + rnd.nextInt(450000)
                        : Math.round(Math.exp(Math.log(600) + rnd.nextGaussian() * 0.7) * 100);
                e.leasedCenti = Math.max(3000, area);
                b.leasedCenti += e.leasedCenti;
                b.units++;
            }
        }
        for (Park park : parks) {
            for (Parcel p : park.parcels) {
                for (Building b : p.buildings) {
                    long needed = Math.round(b.leasedCenti / 0.85);
                    if (b.floorAreaCenti < needed) {
                        b.floorAreaCenti = needed;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ figures

    private void buildFigures() {
        for (Ent e : ents) {
            double base; // revenue 2023 in 万元
            boolean big = e.role.equals("OWNER_OCCUPIER") || rnd.nextDouble() < 0.06;
            if (e.industry.code().equals("5261") && (e.park.def.code().equals("SLS") || e.name.startsWith("小米"))) {
                base = Math.exp(Math.log(25000) + rnd.nextGaussian() * 0.5);
            } else if (e.role.equals("LANDLORD")) {
                base = 200 + rnd.nextDouble() * 1500;
            } else if (big) {
                base = Math.exp(Math.log(e.industrial ? 5000 : 2500) + rnd.nextGaussian() * 0.8);
            } else {
                base = Math.exp(Math.log(380) + rnd.nextGaussian() * 0.9);
            }
            if (e.industrial && e.industry.sei().isEmpty()) {
                base *= 0.3; // the town's traditional industry is small beside its emerging industries
            }
            if (e.name.startsWith("上海移远")) {
                base = 120000; // the largest firm in town
            }
            boolean above = e.industrial && base >= 2000;
            double taxRate = e.theme == Theme.AUTO_TRADE ? 0.004 + rnd.nextDouble() * 0.006
                    : e.industrial ? 0.02 + rnd.nextDouble() * 0.05 : 0.04 + rnd.nextDouble() * 0.06;
            double rdRate = switch (e.theme) {
                case XINCHUANG, CRYPTO, BIOMED, ELECTRONICS -> 0.02 + rnd.nextDouble() * 0.12;
                case SMART_MFG, NEV_PARTS -> 0.01 + rnd.nextDouble() * 0.06;
                default -> rnd.nextDouble() * 0.02;
            };
            double perHead = e.industrial ? 90 + rnd.nextDouble() * 120 : 60 + rnd.nextDouble() * 150;
            double energyPerWan = e.industrial ? 0.01 + rnd.nextDouble() * 0.07 : 0.002 + rnd.nextDouble() * 0.006;
            double v = base;
            for (int y = YEARS - 1; y >= 0; y--) {
                if (!e.active(y)) {
                    continue;
                }
                double rev = above ? Math.max(v, 2600 + rnd.nextDouble() * 200) : e.industrial ? Math.min(v, 1950) : v;
                e.revenue[y] = cents(rev);
                e.tax[y] = cents(rev * taxRate * (0.9 + rnd.nextDouble() * 0.2));
                e.rd[y] = cents(rev * rdRate * (0.85 + rnd.nextDouble() * 0.3));
                e.staff[y] = (int) Math.max(3, Math.round(rev / perHead));
                double energy = rev * energyPerWan;
                e.energy[y] = cents(energy);
                e.electricity[y] = cents(energy * 0.65 / 1.229);
                if (e.industrial) {
                    double out = rev * (0.92 + rnd.nextDouble() * 0.12);
                    e.output[y] = cents(out);
                    if (above) {
                        e.va[y] = cents(out * (0.18 + rnd.nextDouble() * 0.12));
                    }
                    e.emission[y] = cents(energy * (0.002 + rnd.nextDouble() * 0.01));
                }
                if ("F".equals(e.section)) {
                    e.sales[y] = e.revenue[y];
                }
                double growth = (FIRST_YEAR + y == 2021 ? -0.05 : 0.07) + rnd.nextGaussian() * 0.07;
                v = v / (1 + growth);
            }
        }
    }

    private static long cents(double wan) {
        return Math.max(1, Math.round(wan * 100));
    }

    /**
     * Steers the draws so that the article's figures come out when computed the ordinary way: 手拉手's tax and sales,
     * the SEI share of 规上 industrial output, the key clusters' revenue. Each is a proportional rescale of a group
     * of firms, then a last-cent correction on the group's largest firm.
     */
    private void steerToArticle() {
        int y = LAST_YEAR - FIRST_YEAR;
        List<Ent> sls = ents.stream().filter(e -> e.park.def.code().equals("SLS")).collect(Collectors.toList());
        rescale(sls, e -> e.tax, y, DemoCatalog.SLS_TAX_2023_CENTS_OF_WAN);
        List<Ent> slsTrade = sls.stream().filter(e -> e.sales[y] > 0).collect(Collectors.toList());
        rescaleRevenueAndSales(slsTrade, y, DemoCatalog.SLS_SALES_2023_CENTS_OF_WAN);

        // SEI output = 80 % of 规上 industrial output: scale the SEI firms' output against the others'.
        for (Ent e : ents) {
            e.aboveScale = AboveScale.isAboveScale(e.industry.code(), BigDecimal.valueOf(e.revenue[y], 2));
        }
        List<Ent> aboveIndustrial = ents.stream().filter(e -> e.aboveScale && e.industrial).collect(Collectors.toList());
        long nonSei = aboveIndustrial.stream().filter(e -> e.industry.sei().isEmpty()).mapToLong(e -> e.output[y]).sum();
        List<Ent> sei = aboveIndustrial.stream().filter(e -> !e.industry.sei().isEmpty()).collect(Collectors.toList());
        rescale(sei, e -> e.output, y, nonSei * 4);

        // Key clusters' revenue: scale the members that no other figure depends on.
        for (Ent e : ents) {
            for (ClusterDef c : DemoCatalog.CLUSTERS) {
                if (!c.tier().equals("SUB") && c.themes().contains(e.theme) && !e.role.equals("LANDLORD")) {
                    e.clusters.add(c.code());
                }
            }
        }
        long fixed = ents.stream().filter(e -> !e.clusters.isEmpty())
                .filter(e -> e.park.def.code().equals("SLS") || e.industrial).mapToLong(e -> e.revenue[y]).sum();
        List<Ent> free = ents.stream().filter(e -> !e.clusters.isEmpty())
                .filter(e -> !e.park.def.code().equals("SLS") && !e.industrial).collect(Collectors.toList());
        long target = DemoCatalog.KEY_CLUSTER_REVENUE_2023_CENTS_OF_WAN - fixed;
        log.info("Demo steering: key clusters hold {} 万元 in firms other figures depend on", fixed / 100);
        if (target <= 0) {
            throw new IllegalStateException("Demo clusters are too large before steering: " + fixed);
        }
        rescaleRevenueAndSales(free, y, target);
        for (Ent e : ents) {
            e.aboveScale = AboveScale.isAboveScale(e.industry.code(), BigDecimal.valueOf(e.revenue[y], 2));
            int staff = Math.max(1, e.staff[y]);
            e.sizeClass = EnterpriseSize.industrial(staff, BigDecimal.valueOf(e.revenue[y], 2)).name();
        }
    }

    /** Scales {@code metric[y]} of the group to add up to {@code target}; the largest firm takes the rounding. */
    private static void rescale(List<Ent> group, java.util.function.Function<Ent, long[]> metric, int y, long target) {
        long sum = group.stream().mapToLong(e -> metric.apply(e)[y]).sum();
        if (sum <= 0) {
            throw new IllegalStateException("Cannot steer an empty demo group");
        }
        double f = target / (double) sum;
        for (Ent e : group) {
            long[] m = metric.apply(e);
            for (int k = 0; k < m.length; k++) {
                if (m[k] > 0) {
                    m[k] = Math.max(1, Math.round(m[k] * f));
                }
            }
        }
        long after = group.stream().mapToLong(e -> metric.apply(e)[y]).sum();
        Ent largest = group.stream().max(Comparator.comparingLong(e -> metric.apply(e)[y])).orElseThrow();
        metric.apply(largest)[y] += target - after;
        log.info("Demo steering: group of {} scaled by {}", group.size(), String.format(Locale.ROOT, "%.3f", f));
    }

    private static void rescaleRevenueAndSales(List<Ent> group, int y, long target) {
        long sum = group.stream().mapToLong(e -> e.revenue[y]).sum();
        double f = target / (double) sum;
        for (Ent e : group) {
            for (int k = 0; k < YEARS; k++) {
                if (e.revenue[k] > 0) {
                    e.revenue[k] = Math.max(1, Math.round(e.revenue[k] * f));
                    e.rd[k] = Math.round(e.rd[k] * f);
                    e.staff[k] = (int) Math.max(3, Math.round(e.staff[k] * Math.sqrt(f)));
                    e.sales[k] = e.sales[k] > 0 ? e.revenue[k] : 0;
                }
            }
        }
        log.info("Demo steering: revenue of {} firms scaled by {}", group.size(), String.format(Locale.ROOT, "%.3f", f));
        long after = group.stream().mapToLong(e -> e.revenue[y]).sum();
        Ent largest = group.stream().max(Comparator.comparingLong(e -> e.revenue[y])).orElseThrow();
        largest.revenue[y] += target - after;
        if (largest.sales[y] > 0) {
            largest.sales[y] = largest.revenue[y];
        }
    }

    // ------------------------------------------------------------------------------------------------ clusters

    private void buildClusters() {
        // The crypto sub-cluster: the firms of the G60 commercial-cryptography base and enough crypto firms elsewhere.
        List<Ent> crypto = ents.stream().filter(e -> e.theme == Theme.CRYPTO && !e.role.equals("LANDLORD"))
                .sorted(Comparator.comparing((Ent e) -> !e.park.def.code().equals("G60MM")).thenComparingLong(e -> e.id))
                .collect(Collectors.toList());
        if (crypto.size() < DemoCatalog.CRYPTO_MEMBERS) {
            throw new IllegalStateException("Too few crypto firms in the demo town: " + crypto.size());
        }
        crypto.subList(0, DemoCatalog.CRYPTO_MEMBERS).forEach(e -> e.clusters.add("CRYPTO"));
    }

    // ------------------------------------------------------------------------------------------------ qualifications

    private void buildQualifications() {
        int y = LAST_YEAR - FIRST_YEAR;
        List<Ent> tech = ents.stream()
                .filter(e -> e.revenue[y] > 0 && !e.industry.sei().isEmpty() && e.registeredYear <= 2020)
                .sorted(Comparator.comparingDouble((Ent e) -> -(e.rd[y] / (double) e.revenue[y] + rnd.nextDouble() * 0.02)))
                .collect(Collectors.toList());
        Ent quectel = ents.stream().filter(e -> e.name.startsWith("上海移远")).findFirst().orElseThrow();
        Ent transcom = ents.stream().filter(e -> e.name.startsWith("创远信科")).findFirst().orElseThrow();
        Ent comau = ents.stream().filter(e -> e.name.startsWith("柯马")).findFirst().orElseThrow();
        moveToFront(tech, quectel, transcom, comau);

        // 高新技术企业: valid at the reporting date; plus certificates that lapsed before it and ones granted after it.
        List<Ent> hnte = pick(tech, 0, DemoCatalog.QUALIFIED_HNTE);
        for (Ent e : hnte) {
            LocalDate issued = LocalDate.of(2021 + rnd.nextInt(3), 10 + rnd.nextInt(3), 1 + rnd.nextInt(28));
            qual(e, "HNTE", "NATIONAL", "GR" + issued.getYear() + "3100" + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), null);
        }
        List<Ent> rest = tech.subList(DemoCatalog.QUALIFIED_HNTE, tech.size());
        for (Ent e : pick(rest, 0, 24)) {
            LocalDate issued = LocalDate.of(2019 + rnd.nextInt(2), 11, 1 + rnd.nextInt(28));
            qual(e, "HNTE", "NATIONAL", "GR" + issued.getYear() + "3100" + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), "到期未重新认定");
        }
        for (Ent e : pick(rest, 24, 12)) {
            LocalDate issued = LocalDate.of(2024, 12, 1 + rnd.nextInt(20));
            qual(e, "HNTE", "NATIONAL", "GR2024" + "3100" + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), null);
        }
        // 专精特新: 44 中小企业 + 8 "小巨人", all among the HNTE holders with R&D ≥ 3 %.
        List<Ent> srdi = pick(hnte, 3, DemoCatalog.QUALIFIED_SRDI);
        for (int i = 0; i < srdi.size(); i++) {
            Ent e = srdi.get(i);
            boolean giant = i < 8;
            LocalDate issued = LocalDate.of(2021 + rnd.nextInt(3), giant ? 7 : 12, 1 + rnd.nextInt(28));
            qual(e, giant ? "LITTLE_GIANT" : "SRDI", giant ? "NATIONAL" : "MUNICIPAL",
                    (giant ? "XJR" : "ZJTX") + issued.getYear() + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), null);
        }
        for (Ent e : pick(rest, 36, 6)) { // an 专精特新 title that lapsed before the reporting date
            LocalDate issued = LocalDate.of(2020, 12, 1 + rnd.nextInt(28));
            qual(e, "SRDI", "MUNICIPAL", "ZJTX2020" + String.format("%04d", e.id), issued, issued.plusYears(3).minusDays(1),
                    "到期未复核");
        }
        // 上市挂牌: 移远通信 and 创远信科 are real listings; the rest are invented boards.
        qual(quectel, "LISTED", "NATIONAL", "603236", LocalDate.of(2019, 7, 16), null, "上交所主板");
        qual(transcom, "LISTED", "NATIONAL", "831961", LocalDate.of(2015, 2, 11), null, "北交所");
        List<Ent> bigFirms = ents.stream().filter(e -> e.revenue[y] > 0 && e != quectel && e != transcom)
                .sorted(Comparator.comparingLong((Ent e) -> -e.revenue[y])).collect(Collectors.toList());
        String[] boards = {"新三板", "新三板", "新三板", "上海股权托管交易中心", "科创板", "创业板", "深交所主板"};
        List<Ent> listed = pick(bigFirms, 2, DemoCatalog.QUALIFIED_LISTED - 2);
        for (Ent e : listed) {
            String board = boards[rnd.nextInt(boards.length)];
            qual(e, "LISTED", "NATIONAL", String.format("%06d", 830000 + e.id), LocalDate.of(2012 + rnd.nextInt(12),
                    1 + rnd.nextInt(12), 1 + rnd.nextInt(28)), null, board);
        }
        for (Ent e : pick(bigFirms, DemoCatalog.QUALIFIED_LISTED + 5, 3)) { // delisted before the reporting date
            qual(e, "LISTED", "NATIONAL", String.format("%06d", 870000 + e.id), LocalDate.of(2016, 5, 10),
                    LocalDate.of(2022, 6, 30), "新三板，已摘牌");
        }
        // 企业技术中心, 单项冠军 / 科技小巨人, 院士专家工作站, 硬核科技TOP100: among the strongest tech firms.
        List<Ent> strongest = new ArrayList<>(hnte);
        strongest.sort(Comparator.comparingLong((Ent e) -> -e.revenue[y]));
        moveToFront(strongest, quectel, transcom, comau);
        for (Ent e : pick(strongest, 0, DemoCatalog.QUALIFIED_TECH_CENTER)) {
            qual(e, "TECH_CENTER", e == quectel ? "NATIONAL" : "MUNICIPAL", "JSZX" + String.format("%04d", e.id),
                    LocalDate.of(2016 + rnd.nextInt(7), 12, 20), null, null);
        }
        List<Ent> champions = pick(strongest, 0, DemoCatalog.QUALIFIED_CHAMPION_OR_GIANT);
        for (int i = 0; i < champions.size(); i++) {
            Ent e = champions.get(i);
            boolean champion = i < 3;
            LocalDate issued = LocalDate.of(champion ? 2021 + rnd.nextInt(3) : 2016 + rnd.nextInt(7), champion ? 11 : 9, 15);
            qual(e, champion ? "CHAMPION" : "SH_TECH_GIANT", champion ? "NATIONAL" : "MUNICIPAL",
                    (champion ? "DXGJ" : "KJXJR") + String.format("%04d", e.id), issued,
                    champion ? issued.plusYears(3).minusDays(1) : null, null);
        }
        if (champions.contains(transcom)) {
            qual(transcom, "IP_DEMONSTRATION", "NATIONAL", "ZSCQSF2021", LocalDate.of(2021, 12, 1), null, "国家知识产权示范企业");
        }
        for (Ent e : pick(strongest, 2, DemoCatalog.QUALIFIED_ACADEMICIAN)) {
            qual(e, "ACADEMICIAN_STATION", "MUNICIPAL", "YSGZZ" + String.format("%04d", e.id),
                    LocalDate.of(2017 + rnd.nextInt(6), 6, 1), null, "上海市院士专家工作站");
        }
        for (Ent e : pick(strongest, 0, DemoCatalog.QUALIFIED_HARDCORE)) {
            qual(e, "HARDCORE_TOP100", "MUNICIPAL", "YHKJ2023" + String.format("%02d", e.id % 100),
                    LocalDate.of(2023, 8, 18), null, "上海硬核科技企业TOP100");
        }
    }

    @SafeVarargs
    private static <T> void moveToFront(List<T> list, T... items) {
        for (int i = items.length - 1; i >= 0; i--) {
            list.remove(items[i]);
            list.add(0, items[i]);
        }
    }

    private static List<Ent> pick(List<Ent> from, int offset, int n) {
        if (from.size() < offset + n) {
            throw new IllegalStateException("The demo town has too few candidates: " + from.size() + " < " + (offset + n));
        }
        return new ArrayList<>(from.subList(offset, offset + n));
    }

    private void qual(Ent e, String type, String level, String certificate, LocalDate issued, LocalDate expires,
            String note) {
        qualifications.add(new String[] {String.valueOf(e.id), type, level, certificate, issued.toString(),
            expires == null ? null : expires.toString(), note});
    }

    // ------------------------------------------------------------------------------------------------ write

    private void write() {
        Geometry songjiang = songjiangOutline();
        jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                + "(1, '310000', '上海市', 'PROVINCE', null, null, null)");
        jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                + "(2, '310117', '松江区', 'COUNTY', 1, null, cast(? as jsonb))", GeoJson.write(songjiang));
        jdbc.update("insert into region(id, code, name, level, parent_id, as_of_date, outline) values "
                + "(3, ?, '泗泾镇', 'TOWN', 2, ?, null)", TOWN_CODE, AS_OF);
        for (Park p : parks) {
            jdbc.update("insert into park_operator(id, name, contact) values (?, ?, ?)", p.operatorId, p.def.operator(),
                    "021-5762" + String.format("%04d", 1000 + p.id));
            jdbc.update("insert into park(id, region_id, code, name, operator_id, kind, positioning, cluster_tags, address,"
                    + " opened_on, boundary) values (?, 3, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))",
                    p.id, p.def.code(), p.def.name(), p.operatorId, p.def.kind(), p.def.positioning(),
                    p.def.tags().toArray(new String[0]), p.def.address(), p.def.openedOn(),
                    GeoJson.write(rectangle(p.x0, p.y0, p.w, p.h)));
        }
        writeEnterprises();
        List<Object[]> parcels = new ArrayList<>();
        List<Object[]> buildings = new ArrayList<>();
        for (Park park : parks) {
            for (Parcel p : park.parcels) {
                parcels.add(new Object[] {p.id, park.id, p.certificate, BigDecimal.valueOf(p.areaCentiM2, 2), p.landUse,
                    p.holder == null ? null : p.holder.id, p.holderName,
                    LocalDate.of(1995 + (int) (p.id % 20), 1 + (int) (p.id % 12), 1 + (int) (p.id % 28)),
                    LocalDate.of(2045 + (int) (p.id % 20), 12, 31), park.def.address(),
                    GeoJson.write(rectangle(p.x0, park.y0, p.w, park.h))});
                for (Building b : p.buildings) {
                    buildings.add(new Object[] {b.id, p.id, park.id, b.name, b.floors,
                        BigDecimal.valueOf(Math.round(b.floorAreaCenti / (double) b.floors), 2),
                        BigDecimal.valueOf(b.floorAreaCenti, 2), 1995 + (int) (b.id % 25)});
                }
            }
        }
        jdbc.batchUpdate("insert into parcel(id, park_id, certificate_no, area_m2, land_use, rights_holder_id,"
                + " rights_holder_name, granted_on, term_ends_on, address, geometry)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))", parcels);
        jdbc.batchUpdate("insert into building(id, parcel_id, park_id, name, floors, footprint_m2, floor_area_m2,"
                + " completed_year) values (?, ?, ?, ?, ?, ?, ?, ?)", buildings);
        writeOccupancy();
        writeClusters();
        List<Object[]> quals = qualifications.stream().map(q -> new Object[] {Long.parseLong(q[0]), q[1], q[2], q[3],
            LocalDate.parse(q[4]), q[5] == null ? null : LocalDate.parse(q[5]), q[6]}).collect(Collectors.toList());
        jdbc.batchUpdate("insert into qualification(enterprise_id, type, level, certificate_no, issued_on, expires_on, note)"
                + " values (?, ?, ?, ?, ?, ?, ?)", quals);
        writeFigures();
        DemoBusinessScopes.fill(jdbc);
        for (String table : List.of("region", "park_operator", "park", "parcel", "building", "floor_space", "enterprise",
                "occupancy", "cluster", "qualification", "import_batch", "indicator_value")) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from "
                    + table + "), 0) + 1, false)");
        }
        new DemoLand(jdbc).write();
        jdbc.update("insert into audit_log(actor, action, entity, entity_id, after) values ('system', 'CREATE', 'demo_town',"
                + " ?, cast(? as jsonb))", TOWN_CODE, "{\"seed\": " + SEED + ", \"enterprises\": " + ents.size() + "}");
    }

    private void writeEnterprises() {
        List<Object[]> rows = new ArrayList<>();
        for (Ent e : ents) {
            String seiCode = e.industry.sei();
            rows.add(new Object[] {e.id, e.uscc, e.name, e.industry.code(),
                seiCode.isEmpty() ? new String[0] : new String[] {seiCode}, e.sizeClass, e.aboveScale, e.hq, e.hqKind,
                e.status, LocalDate.of(e.registeredYear, 1 + (int) (e.id % 12), 1 + (int) (e.id % 28)), TOWN_CODE,
                e.taxLocal ? TOWN_CODE : "310117" + (e.id % 2 == 0 ? "101000" : "103000"), e.park.id});
        }
        jdbc.batchUpdate("insert into enterprise(id, uscc, name, industry_code, sei_codes, size_class, above_scale, hq,"
                + " hq_kind, status, registered_on, registered_region_code, tax_region_code, park_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void writeOccupancy() {
        List<Object[]> spaces = new ArrayList<>();
        List<Object[]> occ = new ArrayList<>();
        long spaceId = 1;
        Map<Long, Integer> unitNo = new LinkedHashMap<>();
        for (Ent e : ents) {
            Building b = e.building;
            Long fs = null;
            BigDecimal leased = null;
            if (e.role.equals("TENANT")) {
                int n = unitNo.merge(b.id, 1, Integer::sum);
                int floor = 1 + (n - 1) % b.floors;
                fs = spaceId++;
                leased = BigDecimal.valueOf(e.leasedCenti, 2);
                spaces.add(new Object[] {fs, b.id, e.park.id, b.name + "-" + floor + "F-" + String.format("%02d", n), floor,
                    leased, e.theme == Theme.AUTO_TRADE ? "展厅" : e.industrial ? "厂房" : "办公"});
            } else if (e.role.equals("LANDLORD") && e.park.def.code().equals("SLS")) {
                for (Parcel p : e.park.parcels) { // the operator leases the whole site
                    occ.add(new Object[] {e.id, p.id, e.park.id, null, null, "LANDLORD", null,
                        BigDecimal.valueOf(p.areaCentiM2, 2), LocalDate.of(2019, 5, 1), LocalDate.of(2039, 4, 30)});
                }
                continue;
            }
            occ.add(new Object[] {e.id, e.parcel.id, e.park.id, e.role.equals("TENANT") ? b.id : null, fs, e.role,
                e.landlord == null ? null : e.landlord.id, leased,
                LocalDate.of(Math.max(e.registeredYear, 2012), 1 + (int) (e.id % 12), 1), null});
        }
        jdbc.batchUpdate("insert into floor_space(id, building_id, park_id, label, floor_no, area_m2, use)"
                + " values (?, ?, ?, ?, ?, ?, ?)", spaces);
        jdbc.batchUpdate("insert into occupancy(enterprise_id, parcel_id, park_id, building_id, floor_space_id, role,"
                + " landlord_id, leased_area_m2, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", occ);
    }

    private void writeClusters() {
        Map<String, Long> ids = new LinkedHashMap<>();
        long id = 1;
        for (ClusterDef c : DemoCatalog.CLUSTERS) {
            ids.put(c.code(), id);
            jdbc.update("insert into cluster(id, code, name, tier, parent_id, description) values (?, ?, ?, ?, ?, ?)", id,
                    c.code(), c.name(), c.tier(), c.parent() == null ? null : ids.get(c.parent()), c.description());
            id++;
        }
        List<Object[]> members = new ArrayList<>();
        for (Ent e : ents) {
            for (String c : e.clusters) {
                members.add(new Object[] {ids.get(c), e.id});
            }
        }
        jdbc.batchUpdate("insert into cluster_member(cluster_id, enterprise_id) values (?, ?)", members);
    }

    /** Figures go in through COPY, the way the importer's bulk path will write them. */
    private void writeFigures() {
        jdbc.update("insert into import_batch(id, kind, file_name, source_department, status, row_count, created_by)"
                + " values (1, 'DEMO', 'demo-town-seed-" + SEED + "', 'MULTIPLE', 'COMMITTED', 0, 'system')");
        StringBuilder csv = new StringBuilder(8 << 20);
        int rows = 0;
        for (Ent e : ents) {
            for (int y = 0; y < YEARS; y++) {
                if (!e.active(y)) {
                    continue;
                }
                String period = String.valueOf(FIRST_YEAR + y);
                rows += row(csv, e, period, "REVENUE", e.revenue[y], "万元", "STATS");
                if (e.taxLocal) {
                    rows += row(csv, e, period, "TAX", e.tax[y], "万元", "TAX");
                }
                rows += row(csv, e, period, "RD", e.rd[y], "万元", "STATS");
                rows += row(csv, e, period, "ENERGY", e.energy[y], "吨标准煤", "STATS");
                rows += row(csv, e, period, "ELECTRICITY", e.electricity[y], "万千瓦时", "POWER");
                csv.append(e.id).append(',').append(period).append(",STAFF,").append(e.staff[y]).append(",人,STATS,1\n");
                rows++;
                if (e.output[y] > 0) {
                    rows += row(csv, e, period, "OUTPUT", e.output[y], "万元", "STATS");
                    rows += row(csv, e, period, "EMISSIONS", e.emission[y], "吨", "ENV");
                }
                if (e.va[y] > 0) {
                    rows += row(csv, e, period, "VALUE_ADDED", e.va[y], "万元", "STATS");
                }
                if (e.sales[y] > 0) {
                    rows += row(csv, e, period, "GOODS_SALES", e.sales[y], "万元", "STATS");
                }
            }
        }
        jdbc.execute((Connection c) -> {
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy indicator_value(enterprise_id, period, metric, value,"
                        + " unit, source_department, import_batch_id) from stdin with (format csv)",
                        new StringReader(csv.toString()));
            } catch (IOException ex) {
                throw new SQLException(ex);
            }
            return null;
        });
        jdbc.update("update import_batch set row_count = ? where id = 1", rows);
    }

    private static int row(StringBuilder csv, Ent e, String period, String metric, long centis, String unit, String dept) {
        csv.append(e.id).append(',').append(period).append(',').append(metric).append(',')
                .append(BigDecimal.valueOf(centis, 2).toPlainString()).append(',').append(unit).append(',').append(dept)
                .append(",1\n");
        return 1;
    }
}
