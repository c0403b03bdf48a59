package org.parkscope.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainMatcher;
import org.parkscope.core.chain.FirmProfile;
import org.parkscope.core.chain.MatchSettings;
import org.parkscope.core.chain.Placement;

/**
 * Precision and recall of automatic placement on a labelled sample ({@code chains/labelled-sample.txt}): realistic
 * 经营范围 texts written by hand, with near misses (密码锁, 数据线, 充电宝, 5GHz, a garment maker with a charging
 * item, resellers), labelled by judgement. Every node of the eight shipped chains is judged for every firm: the listed
 * nodes are positives, every other node a negative; the nodes marked ! are the near misses written out explicitly.
 * Only {@code AUTO} placements count as predictions (they are what maps and gaps show); candidates go to review.
 */
class PlacementPrecisionTest {

    record Labelled(FirmProfile firm, Set<String> positives, Set<String> hardNegatives) {}

    static List<Labelled> sample() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = PlacementPrecisionTest.class.getResourceAsStream("/chains/labelled-sample.txt")) {
            long id = 1;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                assertThat(f).as(line).hasSize(6);
                Set<String> quals = new HashSet<>();
                for (String q : f[4].split(",")) {
                    if (!q.isBlank()) {
                        quals.add(q.strip());
                    }
                }
                Set<String> pos = new TreeSet<>();
                Set<String> neg = new TreeSet<>();
                for (String l : f[5].strip().split("\\s+")) {
                    if (l.startsWith("!")) {
                        neg.add(l.substring(1));
                    } else if (!l.isBlank()) {
                        pos.add(l);
                    }
                }
                out.add(new Labelled(new FirmProfile(id++, f[0], f[1], f[2], f[3], quals), pos, neg));
            }
        }
        return out;
    }

    @Test
    void automaticPlacementIsPreciseOnTheLabelledSample() throws IOException {
        List<Chain> chains = ChainFile.SHIPPED.stream().map(n -> ChainFile.parse(ChainFile.shippedText(n), n)).toList();
        Set<String> allNodes = new HashSet<>();
        chains.forEach(c -> c.nodes().forEach(n -> allNodes.add(n.id())));
        ChainMatcher matcher = new ChainMatcher(chains, MatchSettings.defaults());
        List<Labelled> sample = sample();
        int tp = 0, fp = 0, fn = 0, hardPairs = 0, hardHit = 0, reviewRecall = 0;
        List<String> errors = new ArrayList<>();
        for (Labelled l : sample) {
            assertThat(allNodes).as(l.firm().name()).containsAll(l.positives()).containsAll(l.hardNegatives());
            List<Placement> ps = matcher.place(l.firm());
            Set<String> auto = new HashSet<>();
            Set<String> any = new HashSet<>();
            for (Placement p : ps) {
                any.add(p.nodeId());
                if (p.status() == Placement.LinkStatus.AUTO) {
                    auto.add(p.nodeId());
                }
            }
            for (String n : auto) {
                if (l.positives().contains(n)) {
                    tp++;
                } else {
                    fp++;
                    errors.add("FP " + l.firm().name() + " → " + n);
                }
            }
            for (String n : l.positives()) {
                if (!auto.contains(n)) {
                    fn++;
                    errors.add("FN " + l.firm().name() + " ↛ " + n + (any.contains(n) ? " (in review)" : ""));
                }
                if (any.contains(n)) {
                    reviewRecall++;
                }
            }
            hardPairs += l.hardNegatives().size();
            hardHit += (int) l.hardNegatives().stream().filter(auto::contains).count();
        }
        int positives = tp + fn;
        long judged = (long) sample.size() * allNodes.size();
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) positives;
        System.out.printf("Labelled sample: %d firms × %d nodes = %d firm–node pairs judged; %d positive pairs, %d near-miss"
                + " negatives written out (%d explicit pairs)%n", sample.size(), allNodes.size(), judged, positives, hardPairs,
                positives + hardPairs);
        System.out.printf("Auto placement: precision %.3f (%d/%d), recall %.3f (%d/%d); auto or review: recall %.3f;"
                + " near misses placed: %d%n", precision, tp, tp + fp, recall, tp, positives,
                reviewRecall / (double) positives, hardHit);
        errors.forEach(e -> System.out.println("  " + e));
        assertThat(positives + hardPairs).as("explicitly written firm–node pairs").isGreaterThanOrEqualTo(200);
        assertThat(precision).as("precision of auto placement").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall of auto placement").isGreaterThanOrEqualTo(0.85);
        assertThat(hardHit).as("near misses placed automatically").isLessThanOrEqualTo(hardPairs / 20);
    }
}
