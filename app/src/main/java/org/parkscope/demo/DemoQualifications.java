package org.parkscope.demo;

import static org.parkscope.demo.DemoCatalog.FIRST_YEAR;
import static org.parkscope.demo.DemoCatalog.LAST_YEAR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.parkscope.demo.DemoCatalog.Theme;
import org.parkscope.demo.DemoModel.Ent;

/**
 * A town's G60 commercial-cryptography sub-cluster and its qualifications (高企, 专精特新, listings, technology
 * centres, champions, academician stations, TOP100), valid, lapsed and future, in the article's numbers.
 */
final class DemoQualifications {

    private final DemoTown town;

    DemoQualifications(DemoTown town) {
        this.town = town;
    }

    void buildClusters() {
        // The crypto sub-cluster: the firms of the G60 commercial-cryptography base and enough crypto firms elsewhere.
        List<Ent> crypto = town.ents.stream().filter(e -> e.theme == Theme.CRYPTO && !e.role.equals("LANDLORD"))
                .sorted(Comparator.comparing((Ent e) -> !e.park.def.code().equals("G60MM")).thenComparingLong(e -> e.id))
                .collect(Collectors.toList());
        if (crypto.size() < DemoCatalog.CRYPTO_MEMBERS) {
            throw new IllegalStateException("Too few crypto firms in the demo town: " + crypto.size());
        }
        crypto.subList(0, DemoCatalog.CRYPTO_MEMBERS).forEach(e -> e.clusters.add("CRYPTO"));
    }

    void buildQualifications() {
        int y = LAST_YEAR - FIRST_YEAR;
        List<Ent> tech = town.ents.stream()
                .filter(e -> e.revenue[y] > 0 && !e.industry.sei().isEmpty() && e.registeredYear <= 2020)
                .sorted(byJitteredRdShare(y))
                .collect(Collectors.toList());
        Ent quectel = town.ents.stream().filter(e -> e.name.startsWith("上海移远")).findFirst().orElseThrow();
        Ent transcom = town.ents.stream().filter(e -> e.name.startsWith("创远信科")).findFirst().orElseThrow();
        Ent comau = town.ents.stream().filter(e -> e.name.startsWith("柯马")).findFirst().orElseThrow();
        moveToFront(tech, quectel, transcom, comau);

        // 高新技术企业: valid at the reporting date; plus certificates that lapsed before it and ones granted after it.
        List<Ent> hnte = pick(tech, 0, DemoCatalog.QUALIFIED_HNTE);
        for (Ent e : hnte) {
            LocalDate issued = LocalDate.of(2021 + town.rnd.nextInt(3), 10 + town.rnd.nextInt(3), 1 + town.rnd.nextInt(28));
            qual(e, "HNTE", "NATIONAL", "GR" + issued.getYear() + "3100" + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), null);
        }
        List<Ent> rest = tech.subList(DemoCatalog.QUALIFIED_HNTE, tech.size());
        for (Ent e : pick(rest, 0, 24)) {
            LocalDate issued = LocalDate.of(2019 + town.rnd.nextInt(2), 11, 1 + town.rnd.nextInt(28));
            qual(e, "HNTE", "NATIONAL", "GR" + issued.getYear() + "3100" + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), "到期未重新认定");
        }
        for (Ent e : pick(rest, 24, 12)) {
            LocalDate issued = LocalDate.of(2024, 12, 1 + town.rnd.nextInt(20));
            qual(e, "HNTE", "NATIONAL", "GR2024" + "3100" + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), null);
        }
        // 专精特新: 44 中小企业 + 8 "小巨人", all among the HNTE holders with R&D ≥ 3 %.
        List<Ent> srdi = pick(hnte, 3, DemoCatalog.QUALIFIED_SRDI);
        for (int i = 0; i < srdi.size(); i++) {
            Ent e = srdi.get(i);
            boolean giant = i < 8;
            LocalDate issued = LocalDate.of(2021 + town.rnd.nextInt(3), giant ? 7 : 12, 1 + town.rnd.nextInt(28));
            qual(e, giant ? "LITTLE_GIANT" : "SRDI", giant ? "NATIONAL" : "MUNICIPAL",
                    (giant ? "XJR" : "ZJTX") + issued.getYear() + String.format("%04d", e.id), issued,
                    issued.plusYears(3).minusDays(1), null);
        }
        for (Ent e : pick(rest, 36, 6)) { // an 专精特新 title that lapsed before the reporting date
            LocalDate issued = LocalDate.of(2020, 12, 1 + town.rnd.nextInt(28));
            qual(e, "SRDI", "MUNICIPAL", "ZJTX2020" + String.format("%04d", e.id), issued, issued.plusYears(3).minusDays(1),
                    "到期未复核");
        }
        // 上市挂牌: 移远通信 and 创远信科 are real listings; the rest are invented boards.
        qual(quectel, "LISTED", "NATIONAL", "603236", LocalDate.of(2019, 7, 16), null, "上交所主板");
        qual(transcom, "LISTED", "NATIONAL", "831961", LocalDate.of(2015, 2, 11), null, "北交所");
        List<Ent> bigFirms = town.ents.stream().filter(e -> e.revenue[y] > 0 && e != quectel && e != transcom)
                .sorted(Comparator.comparingLong((Ent e) -> -e.revenue[y])).collect(Collectors.toList());
        String[] boards = {"新三板", "新三板", "新三板", "上海股权托管交易中心", "科创板", "创业板", "深交所主板"};
        List<Ent> listed = pick(bigFirms, 2, DemoCatalog.QUALIFIED_LISTED - 2);
        for (Ent e : listed) {
            String board = boards[town.rnd.nextInt(boards.length)];
            qual(e, "LISTED", "NATIONAL", String.format("%06d", 830000 + e.id), LocalDate.of(2012 + town.rnd.nextInt(12),
                    1 + town.rnd.nextInt(12), 1 + town.rnd.nextInt(28)), null, board);
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
                    LocalDate.of(2016 + town.rnd.nextInt(7), 12, 20), null, null);
        }
        List<Ent> champions = pick(strongest, 0, DemoCatalog.QUALIFIED_CHAMPION_OR_GIANT);
        for (int i = 0; i < champions.size(); i++) {
            Ent e = champions.get(i);
            boolean champion = i < 3;
            LocalDate issued = LocalDate.of(champion ? 2021 + town.rnd.nextInt(3) : 2016 + town.rnd.nextInt(7), champion ? 11 : 9, 15);
            qual(e, champion ? "CHAMPION" : "SH_TECH_GIANT", champion ? "NATIONAL" : "MUNICIPAL",
                    (champion ? "DXGJ" : "KJXJR") + String.format("%04d", e.id), issued,
                    champion ? issued.plusYears(3).minusDays(1) : null, null);
        }
        if (champions.contains(transcom)) {
            qual(transcom, "IP_DEMONSTRATION", "NATIONAL", "ZSCQSF2021", LocalDate.of(2021, 12, 1), null, "国家知识产权示范企业");
        }
        for (Ent e : pick(strongest, 2, DemoCatalog.QUALIFIED_ACADEMICIAN)) {
            qual(e, "ACADEMICIAN_STATION", "MUNICIPAL", "YSGZZ" + String.format("%04d", e.id),
                    LocalDate.of(2017 + town.rnd.nextInt(6), 6, 1), null, "上海市院士专家工作站");
        }
        for (Ent e : pick(strongest, 0, DemoCatalog.QUALIFIED_HARDCORE)) {
            qual(e, "HARDCORE_TOP100", "MUNICIPAL", "YHKJ2023" + String.format("%02d", e.id % 100),
                    LocalDate.of(2023, 8, 18), null, "上海硬核科技企业TOP100");
        }
    }

    /**
     * Firms by R&amp;D share, a little jitter added. The demo town draws the jitter at each comparison, which breaks the
     * comparator's contract (harmless on its 2 000 firms, and kept so that its rows stay the same); a further town
     * draws one jitter per firm.
     */
    private Comparator<Ent> byJitteredRdShare(int y) {
        if (town.site.isDemo()) {
            return Comparator.comparingDouble((Ent e) -> -(e.rd[y] / (double) e.revenue[y] + town.rnd.nextDouble() * 0.02));
        }
        java.util.Map<Ent, Double> jitter = new java.util.HashMap<>();
        return Comparator.comparingDouble((Ent e) -> -(e.rd[y] / (double) e.revenue[y]
                + jitter.computeIfAbsent(e, k -> town.rnd.nextDouble() * 0.02)));
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
        town.qualifications.add(new String[] {String.valueOf(e.id), type, level, certificate, issued.toString(),
            expires == null ? null : expires.toString(), note});
    }
}
