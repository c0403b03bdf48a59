package org.parkscope.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each one's time as a ratio against its baseline, measured in the same run.
 * Usage: {@code java -jar bench/target/parkscope-bench.jar [regex of benchmarks]}.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : UsccBenchmark.class.getSimpleName();
        Options options = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(options).run();
        double baseline = Double.NaN;
        double measured = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (name.endsWith("baselineRegexOnly")) {
                baseline = score;
            } else if (name.endsWith("fullCheck")) {
                measured = score;
            }
        }
        System.out.printf(Locale.ROOT, "USCC full check: %.1f µs / 10k codes; regex baseline: %.1f µs; ratio %.2f×%n",
                measured, baseline, measured / baseline);
    }
}
