package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.EvaluationInput;
import org.parkscope.core.evaluation.Scheme;

/**
 * Each shipped scheme, scored on the same made-up town (firms of every size, missing figures, ties, flags), gives
 * exactly the scores, ranks, classes and explanations in its golden file {@code golden/<scheme>.txt}. A change to the
 * engine or a scheme that moves any of them fails here; when the change is meant, the files are written again with
 * {@code -Dparkscope.golden.update=true} (then read the diff before committing it).
 */
class SchemeGoldenTest {

    private static final int FIRMS = 60;
    /** A town large enough for the engine to score its cohorts in chunks (in parallel where it can). */
    private static final int LARGE = 40_000;
    private static final String[] INDUSTRIES = {"3311", "3120", "4411", "3922", "1713", "3612", "2929", "6513"};
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static java.util.List<String> schemes() {
        return SchemeCatalogue.shipped();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void theSchemeScoresTheTownAsItsGoldenFileSays(String name) throws IOException {
        Scheme scheme = SchemeFile.classpath(name);
        String actual = scored(scheme, input(scheme, name.hashCode(), FIRMS))
                + fingerprint(scheme, input(scheme, name.hashCode() + 1L, LARGE));
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("parkscope.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file; write it with -Dparkscope.golden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** One line per firm: id, cohort, total, rank, class and the whole explanation. */
    private static String scored(Scheme scheme, EvaluationInput in) {
        Engine.Result r = new Engine().run(scheme, in);
        StringBuilder out = new StringBuilder("# " + scheme.id() + " " + scheme.year() + ": " + r.size() + " firms\n");
        for (int i = 0; i < r.size(); i++) {
            out.append(r.explain(i).id()).append('\t').append(r.cohort(i)).append('\t').append(r.total(i)).append('\t')
                    .append(r.rank(i)).append('\t').append(r.klass(i)).append('\t').append(r.explain(i)).append('\n');
        }
        return out.toString();
    }

    /** The large town in one line: its classes and a digest of every firm's cohort, total, rank and class. */
    private static String fingerprint(Scheme scheme, EvaluationInput in) {
        Engine.Result r = new Engine().run(scheme, in);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            all.append(r.cohort(i)).append('\t').append(r.total(i)).append('\t').append(r.rank(i)).append('\t')
                    .append(r.klass(i)).append('\n');
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return "# " + r.size() + " firms: classes " + r.classCounts().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList() + ", digest "
                    + java.util.HexFormat.of().formatHex(digest) + "\n";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A made-up town for the scheme's year and the years its benchmarks need, the same on every run. */
    private static EvaluationInput input(Scheme scheme, long seed, int firms) {
        Random rnd = new Random(seed);
        EvaluationInput in = town(scheme, rnd, firms);
        for (int year : scheme.referenceYears()) {
            in.reference(year, town(scheme, rnd, firms));
        }
        return in;
    }

    private static EvaluationInput town(Scheme scheme, Random rnd, int firms) {
        String[] ids = new String[firms];
        boolean[] above = new boolean[firms];
        double[] mu = new double[firms];
        String[] industries = new String[firms];
        for (int i = 0; i < firms; i++) {
            ids[i] = String.format("F%02d", i);
            above[i] = rnd.nextInt(3) != 0;
            mu[i] = rnd.nextInt(15) == 0 ? 2 + rnd.nextInt(3) : rnd.nextInt(600) / 4.0 + 3;
            industries[i] = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
        }
        EvaluationInput in = new EvaluationInput(ids, ids, above, mu).industries(industries);
        Set<String> counts = new TreeSet<>(SchemeFile.COUNTS);
        Set<String> figures = new TreeSet<>();
        for (Scheme.Cohort c : scheme.cohorts()) {
            for (Scheme.Indicator i : c.indicators()) {
                figures.add(i.numerator());
                figures.add(i.denominator());
            }
            c.adjustments().forEach(a -> counts.add(a.metric()));
            c.vetoes().forEach(v -> counts.add(v.metric()));
            if (c.unrated() != null) {
                counts.addAll(c.unrated().flags());
            }
        }
        figures.add("REVENUE"); // membership thresholds read revenue and leased floor space
        figures.add("LEASED_M2");
        figures.remove("LAND_MU");
        figures.removeAll(counts);
        for (String metric : figures) {
            double[] v = new double[firms];
            for (int i = 0; i < firms; i++) {
                int kind = rnd.nextInt(25);
                v[i] = kind == 0 ? Double.NaN : kind == 1 ? 0 : kind < 4 ? 100 : Math.round(rnd.nextDouble() * 50_000) / 10.0;
            }
            in.metric(metric, v);
        }
        for (String flag : counts) {
            double[] v = new double[firms];
            for (int i = 0; i < firms; i++) {
                v[i] = rnd.nextInt(12) == 0 ? 1 + rnd.nextInt(3) : 0;
            }
            in.metric(flag, v);
        }
        return in;
    }
}
