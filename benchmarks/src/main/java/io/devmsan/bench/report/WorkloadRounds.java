package io.devmsan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The headline comparison of one scripts/bench.sh run: no agent, hand-written checks and the
 * agent, one fork of each benchmark per round, read from {@code workload-round-K.csv}.
 *
 * <p>Why rounds: on this kind of machine two forks of the same class files differ by up to 2×
 * (code layout, neighbours on the host), far more than the iterations inside a fork, so JMH's
 * error over the pooled iterations of two forks says little and a 5 % target can never be shown.
 * A round runs every variant once within about a minute, so a per-round ratio compares forks that
 * saw the same machine; the figure is the median over rounds and its interval the smallest and
 * largest round (from 8 rounds the second smallest and largest, see {@link Spread}). For 5 rounds
 * that interval holds the true median with probability {@code 1 - 2^(1-5)} = 93.75 % whatever the
 * distribution: each round falls on either side of the median with probability 1/2, and the
 * interval misses only when all fall on one side.
 */
final class WorkloadRounds {

    private static final Pattern ROUND_FILE = Pattern.compile("workload-round-(\\d+)\\.csv");

    private final List<JmhCsv> rounds;

    private WorkloadRounds(List<JmhCsv> rounds) {
        this.rounds = rounds;
    }

    /** Every {@code workload-round-K.csv} in {@code dir}, in round order; none is an empty list. */
    static WorkloadRounds read(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(file -> ROUND_FILE.matcher(file.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort((a, b) -> Integer.compare(round(a), round(b)));
        List<JmhCsv> rounds = new ArrayList<>();
        for (Path file : files) {
            rounds.add(JmhCsv.read(file));
        }
        return new WorkloadRounds(rounds);
    }

    private static int round(Path file) {
        Matcher m = ROUND_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    int size() {
        return rounds.size();
    }

    /** The score of {@code bench} over the rounds that ran it, or null when none did. */
    Spread score(String bench) {
        List<Double> values = new ArrayList<>();
        for (JmhCsv round : rounds) {
            Measure m = round.get(bench);
            if (m != null && !Double.isNaN(m.value)) {
                values.add(m.value);
            }
        }
        return Spread.of(values);
    }

    /**
     * {@code numerator / denominator} round by round, over the rounds that ran both, or null when
     * none did: the paired ratio the targets are judged on.
     */
    Spread ratio(String numerator, String denominator) {
        List<Double> values = new ArrayList<>();
        for (JmhCsv round : rounds) {
            Measure a = round.get(numerator);
            Measure b = round.get(denominator);
            if (a != null && b != null && !Double.isNaN(a.value) && !Double.isNaN(b.value)) {
                values.add(a.value / b.value);
            }
        }
        return Spread.of(values);
    }

    /** The largest value of a secondary metric over the rounds, or null: allocation is judged on the worst fork. */
    Double worst(String benchAndMetric) {
        Double worst = null;
        for (JmhCsv round : rounds) {
            Measure m = round.get(benchAndMetric);
            if (m != null && !Double.isNaN(m.value) && (worst == null || m.value > worst)) {
                worst = m.value;
            }
        }
        return worst;
    }

    /**
     * A median with a distribution-free interval for it: {@code [x(k), x(n+1-k)]} of the sorted
     * values, k as large as keeps the coverage at 90 % or more (k = 1, the smallest and largest
     * value, up to 7 rounds; k = 2 from 8). It misses the median only when at least n+1-k values
     * fall on one side of it, each with probability 1/2: a binomial tail.
     */
    record Spread(double median, double low, double high, int n, double coverage) {

        static Spread of(List<Double> values) {
            if (values.isEmpty()) {
                return null;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            int n = sorted.length;
            int k = 1;
            while (2 * (k + 1) <= n && coverage(n, k + 1) >= 0.9) {
                k++;
            }
            return new Spread(StartupRuns.median(sorted), sorted[k - 1], sorted[n - k], n, coverage(n, k));
        }

        /** P(x(k) ≤ median ≤ x(n+1-k)) = 1 - 2 P(Binomial(n, 1/2) ≤ k-1). */
        static double coverage(int n, int k) {
            double tail = 0;
            double choose = 1; // C(n, i)
            for (int i = 0; i < k; i++) {
                tail += choose;
                choose = choose * (n - i) / (i + 1);
            }
            return Math.max(0, 1 - 2 * tail / Math.pow(2, n));
        }

        /**
         * As a {@link Measure} for the tables that combine it with single-run figures: the median,
         * and as error the larger distance to an end of the interval.
         */
        Measure asMeasure() {
            return new Measure(median, Math.max(median - low, high - median));
        }

        /** {@code 1.02 [0.97, 1.08]}. */
        String format(int decimals) {
            String pattern = "%." + decimals + "f";
            return String.format(Locale.ROOT, pattern + " [" + pattern + ", " + pattern + "]", median, low, high);
        }
    }
}
