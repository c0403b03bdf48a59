package org.parkscope.core.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * 链主 candidates of a chain (chains.md §10.5): five factors, each rank-normalised to 0–1 within the chain (so one
 * giant does not flatten the rest), weighted by configurable criteria. The platform proposes; the government
 * designates.
 */
public final class LeaderScoring {

    public record Weights(double scale, double network, double market, double innovation, double local) {
        public Weights {
            double sum = scale + network + market + innovation + local;
            if (Math.abs(sum - 1) > 1e-6 || scale < 0 || network < 0 || market < 0 || innovation < 0 || local < 0) {
                throw new IllegalArgumentException("链主权重须非负且合计为1 / leader weights must be ≥ 0 and add up to 1");
            }
        }

        public static Weights defaults() {
            return new Weights(0.35, 0.25, 0.20, 0.10, 0.10);
        }
    }

    /**
     * One firm with a capacity link on the chain. {@code partners}: local firms on the nodes up- or downstream of its
     * nodes (potential local suppliers and customers; declared relations are not recorded yet).
     */
    public record Firm(long id, String name, BigDecimal revenue, BigDecimal tax, int nodes, int partners, int marketMarks,
            BigDecimal rd, int certificates, boolean hq, int staff) {}

    public record Candidate(Firm firm, double score, double scale, double network, double market, double innovation,
            double local, boolean eligible, List<Reason> reasons) {}

    private LeaderScoring() {}

    public static List<Candidate> rank(List<Firm> firms, Weights w) {
        double[] revenue = ranks(firms, f -> f.revenue().doubleValue());
        double[] tax = ranks(firms, f -> f.tax().doubleValue());
        double[] nodes = ranks(firms, Firm::nodes);
        double[] partners = ranks(firms, Firm::partners);
        double[] market = ranks(firms, Firm::marketMarks);
        double[] rd = ranks(firms, f -> f.rd().doubleValue());
        double[] certs = ranks(firms, Firm::certificates);
        double[] staff = ranks(firms, Firm::staff);
        List<Firm> byRevenue = firms.stream().sorted(Comparator.comparing(Firm::revenue).reversed()).toList();
        java.util.Map<Firm, Integer> revenueRanks = new java.util.IdentityHashMap<>();
        for (int i = 0; i < byRevenue.size(); i++) {
            revenueRanks.put(byRevenue.get(i), i + 1);
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < firms.size(); i++) {
            Firm f = firms.get(i);
            double scale = (revenue[i] + tax[i]) / 2;
            double network = (nodes[i] + partners[i]) / 2;
            double mkt = market[i];
            double innovation = (rd[i] + certs[i]) / 2;
            double local = ((f.hq() ? 1 : 0) + staff[i]) / 2;
            double score = w.scale() * scale + w.network() * network + w.market() * mkt + w.innovation() * innovation
                    + w.local() * local;
            int revenueRank = revenueRanks.get(f);
            boolean eligible = revenueRank <= 3 || f.partners() >= 5;
            List<Reason> reasons = new ArrayList<>();
            reasons.add(new Reason("本链本地营收第 " + revenueRank + " 名", "local revenue rank " + revenueRank + " in the chain"));
            if (f.nodes() > 1) {
                reasons.add(new Reason("覆盖 " + f.nodes() + " 个节点", "on " + f.nodes() + " nodes"));
            }
            reasons.add(new Reason("相邻节点本地企业 " + f.partners() + " 家（潜在配套）",
                    f.partners() + " local firms on adjacent nodes (potential partners)"));
            if (f.marketMarks() > 0) {
                reasons.add(new Reason("上市/单项冠军/小巨人/专精特新标识 " + f.marketMarks() + " 项",
                        f.marketMarks() + " market marks (listed, champion, little giant, SRDI)"));
            }
            if (f.hq()) {
                reasons.add(new Reason("总部在本镇", "headquarters in the town"));
            }
            if (!eligible) {
                reasons.add(new Reason("未达门槛：营收非前三且相邻配套不足5家",
                        "below the threshold: not top-3 by revenue and fewer than 5 partners"));
            }
            out.add(new Candidate(f, round(score), round(scale), round(network), round(mkt), round(innovation),
                    round(local), eligible, reasons));
        }
        out.sort(Comparator.comparing(Candidate::eligible).reversed().thenComparing(
                Comparator.comparingDouble(Candidate::score).reversed()).thenComparingLong(c -> c.firm().id()));
        return out;
    }

    /** Rank-based 0–1 (ties share their mean rank); a single firm gets 1. */
    static double[] ranks(List<Firm> firms, ToDoubleFunction<Firm> value) {
        int n = firms.size();
        double[] out = new double[n];
        if (n == 1) {
            out[0] = 1;
            return out;
        }
        double[] values = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = value.applyAsDouble(firms.get(i));
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        int i = 0;
        while (i < n) {
            int j = i;
            double v = values[order[i]];
            while (j + 1 < n && values[order[j + 1]] == v) {
                j++;
            }
            double mean = (i + j) / 2.0 / (n - 1);
            for (int k = i; k <= j; k++) {
                out[order[k]] = mean;
            }
            i = j + 1;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
