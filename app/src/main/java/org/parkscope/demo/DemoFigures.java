package org.parkscope.demo;

import static org.parkscope.demo.DemoCatalog.FIRST_YEAR;
import static org.parkscope.demo.DemoCatalog.LAST_YEAR;
import static org.parkscope.demo.DemoModel.YEARS;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parkscope.core.stats.AboveScale;
import org.parkscope.core.stats.EnterpriseSize;
import org.parkscope.demo.DemoCatalog.ClusterDef;
import org.parkscope.demo.DemoCatalog.Theme;
import org.parkscope.demo.DemoModel.Ent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A town's five years of figures per enterprise (revenue, tax, output, value added, R&amp;D, sales, energy,
 * electricity, emissions, staff), drawn by firm kind and steered so that the article's figures come out of the rows.
 */
final class DemoFigures {

    private static final Logger log = LoggerFactory.getLogger(DemoFigures.class);
    private final DemoTown town;

    DemoFigures(DemoTown town) {
        this.town = town;
    }

    void build() {
        for (Ent e : town.ents) {
            double base; // revenue 2023 in 万元
            boolean big = e.role.equals("OWNER_OCCUPIER") || town.rnd.nextDouble() < 0.06;
            if (e.industry.code().equals("5261") && (e.park.def.code().equals("SLS") || e.name.startsWith("小米"))) {
                base = Math.exp(Math.log(25000) + town.rnd.nextGaussian() * 0.5);
            } else if (e.role.equals("LANDLORD")) {
                base = 200 + town.rnd.nextDouble() * 1500;
            } else if (big) {
                base = Math.exp(Math.log(e.industrial ? 5000 : 2500) + town.rnd.nextGaussian() * 0.8);
            } else {
                base = Math.exp(Math.log(380) + town.rnd.nextGaussian() * 0.9);
            }
            if (e.industrial && e.industry.sei().isEmpty()) {
                base *= 0.3; // the town's traditional industry is small beside its emerging industries
            }
            if (e.name.startsWith("上海移远")) {
                base = 120000; // the largest firm in town
            }
            boolean above = e.industrial && base >= 2000;
            double taxRate = e.theme == Theme.AUTO_TRADE ? 0.004 + town.rnd.nextDouble() * 0.006
                    : e.industrial ? 0.02 + town.rnd.nextDouble() * 0.05 : 0.04 + town.rnd.nextDouble() * 0.06;
            double rdRate = switch (e.theme) {
                case XINCHUANG, CRYPTO, BIOMED, ELECTRONICS -> 0.02 + town.rnd.nextDouble() * 0.12;
                case SMART_MFG, NEV_PARTS -> 0.01 + town.rnd.nextDouble() * 0.06;
                default -> town.rnd.nextDouble() * 0.02;
            };
            double perHead = e.industrial ? 90 + town.rnd.nextDouble() * 120 : 60 + town.rnd.nextDouble() * 150;
            double energyPerWan = e.industrial ? 0.01 + town.rnd.nextDouble() * 0.07 : 0.002 + town.rnd.nextDouble() * 0.006;
            double v = base;
            for (int y = YEARS - 1; y >= 0; y--) {
                if (!e.active(y)) {
                    continue;
                }
                double rev = above ? Math.max(v, 2600 + town.rnd.nextDouble() * 200) : e.industrial ? Math.min(v, 1950) : v;
                e.revenue[y] = cents(rev);
                e.tax[y] = cents(rev * taxRate * (0.9 + town.rnd.nextDouble() * 0.2));
                e.rd[y] = cents(rev * rdRate * (0.85 + town.rnd.nextDouble() * 0.3));
                e.staff[y] = (int) Math.max(3, Math.round(rev / perHead));
                double energy = rev * energyPerWan;
                e.energy[y] = cents(energy);
                e.electricity[y] = cents(energy * 0.65 / 1.229);
                if (e.industrial) {
                    double out = rev * (0.92 + town.rnd.nextDouble() * 0.12);
                    e.output[y] = cents(out);
                    if (above) {
                        e.va[y] = cents(out * (0.18 + town.rnd.nextDouble() * 0.12));
                    }
                    e.emission[y] = cents(energy * (0.002 + town.rnd.nextDouble() * 0.01));
                }
                if ("F".equals(e.section)) {
                    e.sales[y] = e.revenue[y];
                }
                double growth = (FIRST_YEAR + y == 2021 ? -0.05 : 0.07) + town.rnd.nextGaussian() * 0.07;
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
    void steerToArticle() {
        int y = LAST_YEAR - FIRST_YEAR;
        List<Ent> sls = town.ents.stream().filter(e -> e.park.def.code().equals("SLS")).collect(Collectors.toList());
        rescale(sls, e -> e.tax, y, DemoCatalog.SLS_TAX_2023_CENTS_OF_WAN);
        List<Ent> slsTrade = sls.stream().filter(e -> e.sales[y] > 0).collect(Collectors.toList());
        rescaleRevenueAndSales(slsTrade, y, DemoCatalog.SLS_SALES_2023_CENTS_OF_WAN);

        // SEI output = 80 % of 规上 industrial output: scale the SEI firms' output against the others'.
        for (Ent e : town.ents) {
            e.aboveScale = AboveScale.isAboveScale(e.industry.code(), BigDecimal.valueOf(e.revenue[y], 2));
        }
        List<Ent> aboveIndustrial = town.ents.stream().filter(e -> e.aboveScale && e.industrial).collect(Collectors.toList());
        long nonSei = aboveIndustrial.stream().filter(e -> e.industry.sei().isEmpty()).mapToLong(e -> e.output[y]).sum();
        List<Ent> sei = aboveIndustrial.stream().filter(e -> !e.industry.sei().isEmpty()).collect(Collectors.toList());
        rescale(sei, e -> e.output, y, nonSei * 4);

        // Key clusters' revenue: scale the members that no other figure depends on.
        for (Ent e : town.ents) {
            for (ClusterDef c : DemoCatalog.CLUSTERS) {
                if (!c.tier().equals("SUB") && c.themes().contains(e.theme) && !e.role.equals("LANDLORD")) {
                    e.clusters.add(c.code());
                }
            }
        }
        long fixed = town.ents.stream().filter(e -> !e.clusters.isEmpty())
                .filter(e -> e.park.def.code().equals("SLS") || e.industrial).mapToLong(e -> e.revenue[y]).sum();
        List<Ent> free = town.ents.stream().filter(e -> !e.clusters.isEmpty())
                .filter(e -> !e.park.def.code().equals("SLS") && !e.industrial).collect(Collectors.toList());
        long target = DemoCatalog.KEY_CLUSTER_REVENUE_2023_CENTS_OF_WAN - fixed;
        log.debug("Demo steering: key clusters hold {} 万元 in firms other figures depend on", fixed / 100);
        if (target <= 0) {
            throw new IllegalStateException("Demo clusters are too large before steering: " + fixed);
        }
        rescaleRevenueAndSales(free, y, target);
        for (Ent e : town.ents) {
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
        log.debug("Demo steering: group of {} scaled by {}", group.size(), String.format(Locale.ROOT, "%.3f", f));
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
        log.debug("Demo steering: revenue of {} firms scaled by {}", group.size(), String.format(Locale.ROOT, "%.3f", f));
        long after = group.stream().mapToLong(e -> e.revenue[y]).sum();
        Ent largest = group.stream().max(Comparator.comparingLong(e -> e.revenue[y])).orElseThrow();
        largest.revenue[y] += target - after;
        if (largest.sales[y] > 0) {
            largest.sales[y] = largest.revenue[y];
        }
    }
}
