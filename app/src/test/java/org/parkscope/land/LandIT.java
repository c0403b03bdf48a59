package org.parkscope.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkscope.PlatformTest;
import org.parkscope.core.land.Finding;
import org.parkscope.core.land.Obligation;
import org.parkscope.core.land.SpatialIndex;
import org.parkscope.shared.GeoJson;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Land and space on the demo town: the parcel page, the low-efficiency list, the ledger, contracts, vacancy, map data. */
@PlatformTest
class LandIT {

    @Autowired JdbcClient jdbc;
    @Autowired ParcelService parcels;
    @Autowired LandQueries land;
    @Autowired LowEfficiencyService lowEfficiency;
    @Autowired VacancyQueries vacancy;
    @Autowired MapService map;
    @Autowired TownContext town;
    @Autowired Environment env;

    Browser admin() {
        return Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin", "Parkscope2024");
    }

    Browser parkOperator() {
        return Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "park", "Parkscope2024");
    }

    long slsPark() {
        return jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
    }

    /** The sum of one metric over the enterprises occupying any of the parcels at some time in a year. */
    double siteSum(List<Long> parcelIds, int year, String metric) {
        return jdbc.sql("""
                select coalesce(sum(v.value), 0) from indicator_value v
                where v.period = :y and v.metric = :m and v.enterprise_id in (
                    select o.enterprise_id from occupancy o where o.parcel_id = any(cast(:p as bigint[]))
                      and o.valid_from <= make_date(:yi, 12, 31) and (o.valid_to is null or o.valid_to >= make_date(:yi, 1, 1)))
                """).param("y", String.valueOf(year)).param("yi", year).param("m", metric)
                .param("p", parcelIds.toArray(new Long[0])).query(Double.class).single();
    }

    @Test
    void theShipyardSiteBeforeAndAfterIsComputedFromTheData() {
        List<Long> sls = jdbc.sql("select id from parcel where park_id = :p order by id").param("p", slsPark())
                .query(Long.class).list();
        ParcelService.Page page = parcels.page(Scope.town(), sls.get(0));
        assertThat(page.interventions()).hasSize(1);
        ParcelService.InterventionView v = page.interventions().get(0);
        assertThat(v.intervention().title()).contains("江南造船厂泗泾分厂").contains("手拉手汽车港");
        assertThat(v.intervention().parcelIds()).containsExactlyElementsOf(sls);
        assertThat(v.areaMu()).isCloseTo(157.0, within(0.001)); // 104 666.67 m² on the certificates
        var before = v.effect().get(0);
        assertThat(before.baseline()).isTrue();
        assertThat(before.year()).isEqualTo(2019);
        // Every occupant sits only on this site, so the site's figures are the plain sums over its occupants.
        double tax2019 = siteSum(sls, 2019, "TAX");
        double tax2023 = siteSum(sls, 2023, "TAX");
        assertThat(before.taxWan()).isCloseTo(tax2019, within(0.005));
        var after = v.effect().stream().filter(e -> e.year() == 2023).findFirst().orElseThrow();
        assertThat(after.taxWan()).isCloseTo(tax2023, within(0.005)).isCloseTo(3500.0, within(0.005)); // the article
        assertThat(after.salesWan()).isCloseTo(siteSum(sls, 2023, "GOODS_SALES"), within(0.005))
                .isCloseTo(500_000.0, within(0.005)); // 50 亿元
        assertThat(after.taxMultiple()).isCloseTo(tax2023 / tax2019, within(1e-9));
        assertThat(after.taxPerMu()).isCloseTo(3500.0 / 157.0, within(0.01));
        assertThat(page.former()).extracting(LandQueries.Occupant::name).contains("江南造船(集团)有限责任公司泗泾分厂");
        // Former occupants are history: names and dates, never their current figures.
        assertThat(page.former()).allSatisfy(o -> {
            assertThat(o.taxWan()).isNull();
            assertThat(o.revenueWan()).isNull();
        });

        String html = admin().get("/parcels/" + sls.get(0)).body();
        assertThat(html).contains("原江南造船厂泗泾分厂 157 亩盘活为手拉手汽车港").contains("处置前").contains("3,500.00")
                .contains("500,000.00").contains("江南造船(集团)有限责任公司泗泾分厂");
        assertThat(admin().get("/land/interventions").body()).contains("手拉手汽车港").contains("腾笼换鸟");
        // The branch that moved out is not in the registry list, but searching finds it and its page keeps its history.
        assertThat(admin().get("/enterprises").body()).doesNotContain("江南造船");
        assertThat(admin().get("/enterprises?q=" + java.net.URLEncoder.encode("江南造船", java.nio.charset.StandardCharsets.UTF_8))
                .body()).contains("江南造船(集团)有限责任公司泗泾分厂");
    }

    @Test
    void theLowEfficiencyApiAnswersAPageAtATimeWithTheWholeListsTotals() {
        List<LowEfficiencyService.Listed> all = lowEfficiency.list(Scope.town(), town.referenceYear());
        assertThat(all.size()).as("the demo lists more than one page of 3").isGreaterThan(3);
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        List<Long> seen = new java.util.ArrayList<>();
        int pages = json.readTree(admin().get("/api/land/low-efficiency?size=3").body()).get("pages").asInt();
        assertThat(pages).isEqualTo((all.size() + 2) / 3);
        for (int p = 0; p < pages; p++) {
            var page = json.readTree(admin().get("/api/land/low-efficiency?size=3&page=" + p).body());
            assertThat(page.get("rows").size()).isBetween(1, 3);
            assertThat(page.get("totals").get("parcels").asInt()).isEqualTo(all.size());
            assertThat(page.get("totals").get("areaMu").asDouble()).isCloseTo(
                    all.stream().mapToDouble(LowEfficiencyService.Listed::areaMu).sum(), org.assertj.core.data.Offset.offset(1e-6));
            page.get("rows").forEach(r -> seen.add(r.get("parcelId").asLong()));
        }
        assertThat(seen).containsExactlyElementsOf(all.stream().map(LowEfficiencyService.Listed::parcelId).toList());
    }

    @Test
    void everyParcelOnTheLowEfficiencyListHasItsReasons() throws Exception {
        int year = town.referenceYear();
        List<LowEfficiencyService.Listed> listed = lowEfficiency.list(Scope.town(), year);
        assertThat(listed).isNotEmpty();
        assertThat(listed).allSatisfy(l -> assertThat(l.reasons()).isNotEmpty());
        Map<String, Long> byCode = new java.util.TreeMap<>();
        listed.forEach(l -> l.reasons().forEach(r -> byCode.merge(r.code(), 1L, Long::sum)));
        System.out.printf("Low-efficiency land %d: %d parcels, %.2f 亩; reasons %s%n", year, listed.size(),
                listed.stream().mapToDouble(LowEfficiencyService.Listed::areaMu).sum(), byCode);
        // The landlord that never completed building is listed for it.
        long overdue = jdbc.sql("select parcel_id from land_contract where completed_on is null").query(Long.class).single();
        assertThat(listed).filteredOn(l -> l.parcelId() == overdue).singleElement()
                .satisfies(l -> assertThat(l.reasons()).extracting(Finding::code).contains("COMPLETION_OVERDUE"));
        // Reasons agree with the data: a tax-per-mu reason means the parcel's tax per mu is below the bar, and a parcel
        // of industrial land in use above the bar with no contract shortfall is not listed for it.
        Map<Long, Map<Integer, LandQueries.SiteYear>> years = land.parcelYears(Scope.town(), null, year, year);
        Map<Long, Map<String, Object>> contracts = new java.util.HashMap<>();
        jdbc.sql("select * from parcel_contract_terms(null)").query().listOfRows()
                .forEach(c -> contracts.put((Long) c.get("parcel_id"), c));
        for (LandQueries.ParcelFactsRow p : land.parcelFacts(Scope.town(), LocalDate.of(year, 12, 31))) {
            LandQueries.SiteYear y = years.getOrDefault(p.id(), Map.of()).get(year);
            double perMu = (y == null ? 0 : y.taxWan()) / (p.areaM2() * 3 / 2000);
            Map<String, Object> c = contracts.getOrDefault(p.id(), Map.of());
            java.sql.Date done = (java.sql.Date) c.get("completed_on");
            boolean inUse = done != null ? done.toLocalDate().getYear() + 2 <= year : c.get("completion_due") == null;
            boolean belowBar = p.landUse().equals("工业用地") && p.occupants() > 0 && y != null && perMu < 5.0 && inUse;
            boolean listedForIt = listed.stream().anyMatch(l -> l.parcelId() == p.id()
                    && l.reasons().stream().anyMatch(r -> r.code().equals("BELOW_STANDARD_TAX")));
            assertThat(listedForIt).as("parcel %s at %.2f 万元/亩", p.certificateNo(), perMu).isEqualTo(belowBar);
        }
        // The page (50 a page) and the workbook carry the same list.
        StringBuilder pages = new StringBuilder();
        for (int page = 0; page * 50 < listed.size(); page++) {
            pages.append(admin().get("/land/low-efficiency?page=" + page).body());
        }
        for (LowEfficiencyService.Listed l : listed) {
            assertThat(pages).contains(l.certificateNo());
        }
        // Paged: one row a page, the count over all of them, a link to the next page.
        String first = admin().get("/land/low-efficiency?size=1").body();
        String rows = first.substring(first.indexOf("id=\"low-efficiency\""));
        assertThat(rows.split("data-parcel=").length - 1).isEqualTo(1);
        assertThat(first).contains("共 " + listed.size() + " 条").contains("page=1&amp;size=1");
        HttpResponse<byte[]> xlsx = admin().download("/land/low-efficiency.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(listed.size());
            for (int r = 1; r <= listed.size(); r++) {
                assertThat(s.getRow(r).getCell(7).getStringCellValue()).isNotBlank();
            }
            assertThat(s.getRow(0).getCell(7).getStringCellValue()).isEqualTo("认定理由");
            assertThat(s.getRow(0).getLastCellNum()).isEqualTo((short) 8); // the reasons once, in the reader's language
        }
        Browser english = admin();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                english.download("/land/low-efficiency.xlsx?lang=en").body()))) {
            Sheet s = wb.getSheet("Low-efficiency land");
            assertThat(s.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Reasons");
            assertThat(s.getLastRowNum()).isEqualTo(listed.size());
        }
        // The town dashboard carries the same count.
        String home = admin().get("/").body();
        String kpis = home.substring(home.indexOf("id=\"land-kpis\""));
        assertThat(kpis).contains(year + "年低效用地").contains("<span class=\"value\">" + listed.size() + "</span>");
        // A park operator sees only its own parks' parcels.
        String own = parkOperator().get("/land/low-efficiency").body();
        for (LowEfficiencyService.Listed l : listed) {
            assertThat(own.contains(l.certificateNo())).isEqualTo(l.parkId() == slsPark());
        }
    }

    @Test
    void parcelChecksFindAreaDifferencesOverlapsAndTenantsPayingTaxElsewhere() {
        // The demo's polygons match their certificates and do not overlap.
        for (LandQueries.ParcelFactsRow p : land.parcelFacts(Scope.town(), town.asOf())) {
            List<String> codes = parcels.page(Scope.town(), p.id()).checks().stream().map(Finding::code).toList();
            assertThat(codes).as(p.certificateNo()).doesNotContain("AREA_MISMATCH", "OVERLAP", "LEASED_ABOVE_FLOOR");
        }
        // A tenant paying its tax outside the town is named on its parcel.
        Map<String, Object> outside = jdbc.sql("""
                select o.parcel_id, e.name from occupancy o join enterprise e on e.id = o.enterprise_id
                where o.role = 'TENANT' and e.tax_region_code <> e.registered_region_code order by o.id limit 1""")
                .query().singleRow();
        assertThat(parcels.page(Scope.town(), (Long) outside.get("parcel_id")).checks())
                .anySatisfy(f -> assertThat(f.zh()).contains((String) outside.get("name")).contains("镇外纳税"));
        // Move one parcel's polygon a little way onto its neighbour: its area no longer matches and the two overlap.
        List<Long> two = jdbc.sql("select id from parcel where park_id = :p order by id limit 2").param("p", slsPark())
                .query(Long.class).list();
        String original = jdbc.sql("select geometry::text from parcel where id = :id").param("id", two.get(0))
                .query(String.class).single();
        var gf = new GeometryFactory();
        var g = GeoJson.readPolygonal(original, gf);
        var env = g.getEnvelopeInternal();
        var grown = gf.toGeometry(new org.locationtech.jts.geom.Envelope(env.getMinX(),
                env.getMaxX() + env.getWidth() * 0.12, env.getMinY(), env.getMaxY()));
        try {
            jdbc.sql("update parcel set geometry = cast(:g as jsonb) where id = :id").param("g", GeoJson.write(grown))
                    .param("id", two.get(0)).update();
            List<String> codes = parcels.page(Scope.town(), two.get(0)).checks().stream().map(Finding::code).toList();
            assertThat(codes).contains("AREA_MISMATCH", "OVERLAP");
            assertThat(parcels.page(Scope.town(), two.get(1)).checks()).extracting(Finding::code).contains("OVERLAP");
            assertThat(admin().get("/parcels/" + two.get(0)).body()).contains("与证载面积").contains("重叠");
        } finally {
            jdbc.sql("update parcel set geometry = cast(:g as jsonb) where id = :id").param("g", original)
                    .param("id", two.get(0)).update();
        }
    }

    @Test
    void theThreeAttributionModesCountEveryTaxOnce() {
        long parcel = jdbc.sql("""
                select o.parcel_id from occupancy o where o.role = 'TENANT' and o.valid_to is null
                group by o.parcel_id order by count(*) desc limit 1""").query(Long.class).single();
        ParcelService.Page page = parcels.page(Scope.town(), parcel);
        double expected = jdbc.sql("""
                select coalesce(sum(v.value), 0) from indicator_value v where v.metric = 'TAX' and v.period = :y
                  and v.enterprise_id in (select enterprise_id from occupancy where parcel_id = :p and valid_to is null)
                """).param("y", String.valueOf(page.year())).param("p", parcel).query(Double.class).single();
        Map<String, ParcelService.Mode> modes = new HashMap<>();
        page.modes().forEach(m -> modes.put(m.code(), m));
        assertThat(modes.get("PARCEL_AGGREGATE").totalTaxWan()).isCloseTo(expected, within(0.005));
        assertThat(modes.get("FLOOR_SHARE").totalTaxWan()).isCloseTo(expected, within(0.005));
        assertThat(modes.get("FLOOR_SHARE").countedOnce()).isTrue();
        double allocated = modes.get("FLOOR_SHARE").rows().stream().mapToDouble(ParcelService.Attributed::mu).sum();
        assertThat(allocated).isCloseTo(page.areaMu(), within(1e-6));
        assertThat(modes.get("LANDLORD_ONLY_TENANT_FOLLOWS").rows()).filteredOn(r -> r.note().equals("FOLLOWS"))
                .hasSize((int) page.occupants().stream().filter(o -> o.role().equals("TENANT")).count());

        // A tenant that takes a second unit on the same parcel is still one occupant whose tax counts once.
        Map<String, Object> t = jdbc.sql("""
                select o.enterprise_id, o.park_id, o.building_id, o.landlord_id from occupancy o
                where o.parcel_id = :p and o.role = 'TENANT' and o.valid_to is null order by o.id limit 1""")
                .param("p", parcel).query().singleRow();
        long extra = jdbc.sql("""
                insert into occupancy(enterprise_id, parcel_id, park_id, building_id, role, landlord_id, leased_area_m2,
                    valid_from) values (:e, :p, :park, :b, 'TENANT', :l, 10, date '2020-01-02') returning id""")
                .param("e", t.get("enterprise_id")).param("p", parcel).param("park", t.get("park_id"))
                .param("b", t.get("building_id")).param("l", t.get("landlord_id")).query(Long.class).single();
        try {
            ParcelService.Page twice = parcels.page(Scope.town(), parcel);
            assertThat(twice.occupants()).hasSize(page.occupants().size());
            twice.modes().forEach(m -> assertThat(m.countedOnce()).as(m.code()).isTrue());
            assertThat(twice.modes().get(0).totalTaxWan()).isCloseTo(expected, within(0.005));
        } finally {
            jdbc.sql("delete from occupancy where id = :id").param("id", extra).update();
        }
    }

    @Test
    void contractObligationsAreCheckedAgainstTheYearlyFigures() {
        List<Long> withContracts = jdbc.sql("select distinct parcel_id from land_contract order by parcel_id")
                .query(Long.class).list();
        assertThat(withContracts).hasSizeGreaterThan(5);
        int met = 0, missed = 0, notDue = 0;
        for (long id : withContracts) {
            ParcelService.Page page = parcels.page(Scope.town(), id);
            for (ParcelService.ContractView cv : page.contracts()) {
                for (ParcelService.ObligationView ov : cv.obligations()) {
                    for (Obligation.Check c : ov.checks()) {
                        switch (c.status()) {
                            case MET -> met++;
                            case MISSED -> missed++;
                            case NOT_DUE -> notDue++;
                            default -> { }
                        }
                        if (c.actual() != null && ov.obligation().metric().equals("TAX")) {
                            double perMu = page.history().stream().filter(h -> h.year() == c.year()).findFirst()
                                    .orElseThrow().taxWan() / page.areaMu();
                            assertThat(c.actual()).isCloseTo(perMu, within(1e-6));
                            assertThat(c.status() == Obligation.Status.MET)
                                    .isEqualTo(perMu >= ov.obligation().target() * 0.9);
                        }
                    }
                }
            }
        }
        assertThat(met).isPositive();
        assertThat(missed).isPositive();
        assertThat(notDue).isPositive();
    }

    @Test
    void vacantSpaceIsSearchable() throws Exception {
        LocalDate asOf = town.asOf();
        List<VacancyQueries.Space> all = vacancy.search(Scope.town(), VacancyQueries.Filter.none(), asOf);
        assertThat(all).isNotEmpty();
        long occupied = jdbc.sql("""
                select count(*) from occupancy o where o.floor_space_id = any(cast(:ids as bigint[]))
                  and o.valid_from <= :d and (o.valid_to is null or o.valid_to >= :d)""")
                .param("ids", all.stream().map(VacancyQueries.Space::id).toArray(Long[]::new)).param("d", asOf)
                .query(Long.class).single();
        assertThat(occupied).isZero();
        var big = vacancy.search(Scope.town(), new VacancyQueries.Filter(new BigDecimal("1000"), null, 1, 1,
                new BigDecimal("8"), new BigDecimal("7"), new BigDecimal("2.0"), null, null, null), asOf);
        assertThat(big).isNotEmpty().allSatisfy(s -> {
            assertThat(s.areaM2()).isGreaterThanOrEqualTo(new BigDecimal("1000"));
            assertThat(s.floor()).isEqualTo(1);
            assertThat(s.floorLoad()).isGreaterThanOrEqualTo(new BigDecimal("8"));
            assertThat(s.clearHeight()).isGreaterThanOrEqualTo(new BigDecimal("7"));
            assertThat(s.rent()).isLessThanOrEqualTo(new BigDecimal("2.0"));
        });
        assertThat(big.size()).isLessThan(all.size());
        var auto = vacancy.search(Scope.town(), new VacancyQueries.Filter(null, null, null, null, null, null, null,
                "汽车", null, null), asOf);
        assertThat(auto).isNotEmpty().allSatisfy(s -> assertThat(s.parkName() + s.positioning()).contains("汽车"));
        String html = admin().get("/space?minArea=1000&minFloor=1&maxFloor=1&minLoad=8&minHeight=7&maxRent=2.0").body();
        assertThat(html).contains(big.get(0).label());
        // A form sent with its fields left blank searches everything; a number that is not one is refused.
        HttpResponse<String> blank = admin().get("/space?minArea=&maxArea=&minFloor=&keyword=&park=&use=&maxRent=");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("共 " + all.size() + " 处");
        assertThat(admin().get("/space?minArea=abc").statusCode()).isEqualTo(400);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                admin().download("/space.xlsx?minArea=1000&minFloor=1&maxFloor=1&minLoad=8&minHeight=7&maxRent=2.0").body()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(big.size());
        }
        List<VacancyQueries.Space> own = vacancy.search(Scope.parks(java.util.Set.of(slsPark())),
                VacancyQueries.Filter.none(), asOf);
        assertThat(own).allSatisfy(s -> assertThat(s.parkId()).isEqualTo(slsPark()));
    }

    @Autowired org.parkscope.importing.ImportService imports;

    @Test
    void vacantUnitsImportedWithTheirTechnicalDataAreFoundAndRolledBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Map<String, Object> b = jdbc.sql("""
                select pa.certificate_no, b.name from building b join parcel pa on pa.id = b.parcel_id
                where pa.park_id = :p order by b.id limit 1""").param("p", slsPark()).query().singleRow();
        String csv = "不动产权证号,楼宇名称,房号,楼层,面积(亩),用途,楼面荷载(kN/m²),净高(m),租金(元/m²/天),可入驻日期\n"
                + b.get("certificate_no") + "," + b.get("name") + ",测试-V9,1,3.15,厂房,12.5,9.6,1.35,2024-05-01\n";
        java.nio.file.Path file = dir.resolve("vacant.csv");
        java.nio.file.Files.write(file, csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        var report = imports.run(org.parkscope.importing.ImportKind.FLOOR_SPACES, file, "vacant.csv",
                org.parkscope.importing.ImportRequest.Options.defaults(), "test");
        assertThat(report.ok()).as(report.toString()).isTrue();
        try {
            var found = vacancy.search(Scope.town(), new VacancyQueries.Filter(null, null, null, null,
                    new BigDecimal("12"), new BigDecimal("9.5"), null, null, slsPark(), null), town.asOf());
            assertThat(found).filteredOn(s -> s.label().equals("测试-V9")).singleElement().satisfies(s -> {
                assertThat(s.areaM2()).isEqualByComparingTo("2100.00"); // 3.15 亩 × 2000/3
                assertThat(s.floorLoad()).isEqualByComparingTo("12.5");
                assertThat(s.clearHeight()).isEqualByComparingTo("9.6");
                assertThat(s.rent()).isEqualByComparingTo("1.35");
                assertThat(s.availableFrom()).isEqualTo(LocalDate.of(2024, 5, 1));
            });
        } finally {
            assertThat(imports.rollback(report.batchId(), "test").done()).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from floor_space where label = '测试-V9'").query(Long.class).single()).isZero();
    }

    @Test
    void landContractsAndObligationsComeInFromTheLandDepartmentsSpreadsheets(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        long parcel = jdbc.sql("select min(id) from parcel where park_id = :p").param("p", slsPark()).query(Long.class)
                .single();
        String cert = jdbc.sql("select certificate_no from parcel where id = :id").param("id", parcel)
                .query(String.class).single();
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        java.nio.file.Path contracts = dir.resolve("合同.csv");
        java.nio.file.Files.write(contracts, ("不动产权证号,合同编号,合同类型,签约日期,约定竣工日期,实际竣工日期,出让期满日期\n"
                + cert + ",导入合同-01,标准地,2017-05-01,2019-05-01,2019-04-20,2037-04-30\n").getBytes(gbk));
        java.nio.file.Path obligations = dir.resolve("约定.csv");
        java.nio.file.Files.write(obligations, ("合同编号,约定指标,目标值,单位,起算节点,首次检查(年),评估周期(年),容差(%),违约处理\n"
                + "导入合同-01,亩均税收,15,万元/亩,竣工,3,2,10,限期整改\n"
                + "导入合同-01,亩均产值,300,万元/亩,竣工,3,0,0,\n").getBytes(gbk));
        var c = imports.run(org.parkscope.importing.ImportKind.LAND_CONTRACTS, contracts, "合同.csv",
                org.parkscope.importing.ImportRequest.Options.defaults(), "test");
        assertThat(c.ok()).as(c.toString()).isTrue();
        var o = imports.run(org.parkscope.importing.ImportKind.LAND_OBLIGATIONS, obligations, "约定.csv",
                org.parkscope.importing.ImportRequest.Options.defaults(), "test");
        try {
            assertThat(o.ok()).as(o.toString()).isTrue();
            ParcelService.ContractView cv = parcels.page(Scope.town(), parcel).contracts().stream()
                    .filter(x -> x.contract().contractNo().equals("导入合同-01")).findFirst().orElseThrow();
            assertThat(cv.contract().kind()).isEqualTo("STANDARD");
            assertThat(cv.completionStatus()).isEqualTo("MET");
            assertThat(cv.obligations()).hasSize(2);
            Obligation tax = cv.obligations().get(0).obligation();
            assertThat(tax.metric()).isEqualTo("TAX");
            assertThat(tax.tolerance()).isEqualTo(0.1);
            // 达产 in 2022 (completed 2019 + 3), then a review every two years: 2024 is not yet due.
            assertThat(cv.obligations().get(0).checks()).extracting(Obligation.Check::year).containsExactly(2022, 2024);
            // The same files again change nothing.
            var again = imports.run(org.parkscope.importing.ImportKind.LAND_OBLIGATIONS, obligations, "约定.csv",
                    org.parkscope.importing.ImportRequest.Options.defaults(), "test");
            assertThat(again.inserted() + again.updated()).isZero();
            // A bad row is reported and nothing of its file is stored.
            java.nio.file.Path bad = dir.resolve("坏.csv");
            java.nio.file.Files.write(bad, ("合同编号,约定指标,目标值\n导入合同-01,利润,5\n无此合同,税收,5\n").getBytes(gbk));
            var refused = imports.run(org.parkscope.importing.ImportKind.LAND_OBLIGATIONS, bad, "坏.csv",
                    org.parkscope.importing.ImportRequest.Options.defaults(), "test");
            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems()).extracting(p -> p.text(java.util.Locale.SIMPLIFIED_CHINESE))
                    .containsExactly("约定指标须为税收、产值、营收或能耗：利润", "合同未登记，请先导入土地合同：无此合同");
            assertThat(refused.problems().get(0).text(java.util.Locale.ENGLISH))
                    .isEqualTo("the metric must be 税收, 产值, 营收 or 能耗: 利润");
        } finally {
            if (o.ok()) {
                assertThat(imports.rollback(o.batchId(), "test").done()).isTrue();
            }
            assertThat(imports.rollback(c.batchId(), "test").done()).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from land_contract where contract_no = '导入合同-01'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void administratorsRecordContractsAndInterventionsAuditedAndBadInputChangesNothing() {
        long parcel = jdbc.sql("select min(id) from parcel where park_id = :p").param("p", slsPark()).query(Long.class)
                .single();
        String cert = jdbc.sql("select certificate_no from parcel where id = :id").param("id", parcel)
                .query(String.class).single();
        long interventionsBefore = jdbc.sql("select count(*) from land_intervention").query(Long.class).single();
        Browser admin = admin();
        admin.get("/land/interventions");
        // No parcel given: refused in the user's language (and only in it), nothing stored.
        Map<String, String> noParcel = Map.of("kind", "RENOVATION", "title", "测试改造", "startedOn", "2024-01-01",
                "certificates", "");
        HttpResponse<String> bad = admin.post("/land/interventions", noParcel);
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(admin.get("/land/interventions").body()).contains("至少填写一宗地的产权证号")
                .doesNotContain("give the certificate number of at least one parcel");
        admin.get("/land/interventions?lang=en");
        admin.post("/land/interventions", noParcel);
        assertThat(admin.get("/land/interventions").body()).contains("give the certificate number of at least one parcel")
                .doesNotContain("至少填写一宗地的产权证号");
        admin.get("/land/interventions?lang=zh-CN");
        assertThat(jdbc.sql("select count(*) from land_intervention").query(Long.class).single())
                .isEqualTo(interventionsBefore);
        List<Long> created = new ArrayList<>();
        try {
            admin.post("/land/interventions", Map.of("kind", "RENOVATION", "title", "测试改造", "startedOn", "2024-01-01",
                    "baselineYear", "2023", "certificates", cert));
            created.addAll(jdbc.sql("select id from land_intervention where title = '测试改造'").query(Long.class).list());
            assertThat(created).hasSize(1);
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'land_intervention' and entity_id = :id"
                    + " and actor = 'admin'").param("id", String.valueOf(created.get(0))).query(Long.class).single())
                    .isEqualTo(1);
            admin.get("/parcels/" + parcel);
            admin.post("/parcels/" + parcel + "/contracts", Map.of("contractNo", "测试合同-001", "kind", "STANDARD",
                    "signedOn", "2018-03-01", "completionDue", "2020-03-01", "completedOn", "2020-02-01",
                    "metric", "TAX", "target", "20", "offsetYears", "3", "everyYears", "0", "tolerance", "10"));
            assertThat(admin.get("/parcels/" + parcel).body()).contains("已保存").contains("测试合同-001");
            ParcelService.Page page = parcels.page(Scope.town(), parcel);
            ParcelService.ContractView cv = page.contracts().stream()
                    .filter(c -> c.contract().contractNo().equals("测试合同-001")).findFirst().orElseThrow();
            assertThat(cv.completionStatus()).isEqualTo("MET");
            Obligation.Check check = cv.obligations().get(0).checks().get(0);
            assertThat(check.year()).isEqualTo(2023);
            assertThat(check.status()).isEqualTo(page.history().stream().filter(h -> h.year() == 2023).findFirst()
                    .orElseThrow().taxWan() / page.areaMu() >= 18 ? Obligation.Status.MET : Obligation.Status.MISSED);
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'land_contract' and actor = 'admin'")
                    .query(Long.class).single()).isPositive();
            // The same contract number again is refused.
            admin.post("/parcels/" + parcel + "/contracts", Map.of("contractNo", "测试合同-001", "kind", "STANDARD",
                    "signedOn", "2018-03-01"));
            assertThat(admin.get("/parcels/" + parcel).body()).contains("合同编号已存在");
            // A park operator may not write.
            Browser operator = parkOperator();
            operator.get("/land/interventions");
            assertThat(operator.post("/land/interventions", Map.of("kind", "RENOVATION", "title", "x",
                    "startedOn", "2024-01-01", "certificates", cert)).statusCode()).isEqualTo(403);
        } finally {
            jdbc.sql("delete from land_intervention where title = '测试改造'").update();
            jdbc.sql("delete from land_contract where contract_no = '测试合同-001'").update();
        }
    }

    @Test
    void mapLayersAreScopedAndEveryEnterpriseIsDrawnInsideItsParcel() {
        Map<String, Object> town = map.layers(Scope.town());
        List<Map<String, Object>> parks = features(town.get("parks"));
        List<Map<String, Object>> parcelFeatures = features(town.get("parcels"));
        assertThat(parks).hasSize(23);
        assertThat(parcelFeatures).hasSize(jdbc.sql("select count(*) from parcel").query(Integer.class).single());
        assertThat(features(town.get("buildings"))).hasSize(jdbc.sql("select count(*) from building").query(Integer.class).single());
        assertThat(town.get("town")).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> firms = (List<Map<String, Object>>) town.get("enterprises");
        long current = jdbc.sql("select count(distinct enterprise_id) from occupancy where valid_to is null or valid_to >= :d")
                .param("d", this.town.asOf()).query(Long.class).single();
        assertThat(firms).hasSize((int) current);
        var gf = new GeometryFactory();
        List<SpatialIndex.Shape> shapes = new ArrayList<>();
        jdbc.sql("select id, geometry::text from parcel").query((rs, n) -> shapes.add(
                new SpatialIndex.Shape(rs.getLong(1), GeoJson.readPolygonal(rs.getString(2), gf)))).list();
        SpatialIndex index = new SpatialIndex(shapes);
        for (Map<String, Object> f : firms) {
            assertThat(index.containing((Double) f.get("lon"), (Double) f.get("lat"))).as((String) f.get("name"))
                    .contains((Long) f.get("parcelId"));
        }
        Map<String, Object> own = map.layers(Scope.parks(java.util.Set.of(slsPark())));
        assertThat(features(own.get("parks"))).singleElement()
                .satisfies(p -> assertThat(props(p).get("name")).isEqualTo("手拉手汽车港"));
        assertThat(features(own.get("parcels"))).allSatisfy(p -> assertThat(props(p).get("park")).isEqualTo("手拉手汽车港"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> features(Object collection) {
        return (List<Map<String, Object>>) ((Map<String, Object>) collection).get("features");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> feature) {
        return (Map<String, Object>) feature.get("properties");
    }
}
