package org.parkscope.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parkscope.core.code.Uscc;

/**
 * The full 统一社会信用代码 check (normalisation, both check characters, messages) against the cheapest thing an
 * importer could do instead: the format regex alone. The ratio says what validating every row really costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UsccBenchmark {

    static final Pattern FORMAT = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
    static final int N = 10_000;
    String[] codes;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        codes = new String[N];
        for (int i = 0; i < N; i++) {
            StringBuilder sb = new StringBuilder("91310117");
            for (int k = 0; k < 8; k++) {
                sb.append(Uscc.ALPHABET.charAt(rnd.nextInt(Uscc.ALPHABET.length())));
            }
            String code = Uscc.complete(sb.toString());
            // one in ten corrupted, as in a real file
            codes[i] = i % 10 == 0 ? code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0') : code;
        }
    }

    @Benchmark
    public void baselineRegexOnly(Blackhole bh) {
        for (String c : codes) {
            bh.consume(FORMAT.matcher(c).matches());
        }
    }

    @Benchmark
    public void fullCheck(Blackhole bh) {
        for (String c : codes) {
            bh.consume(Uscc.check(c, false).ok());
        }
    }
}
