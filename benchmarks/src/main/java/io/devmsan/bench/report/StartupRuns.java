package io.devmsan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The start-up runs of scripts/bench-startup.sh ({@code startup.csv}): per program and variant the
 * median and quartiles in milliseconds, and the agent's overhead as the difference of medians with
 * a bootstrap 95% interval (resampling the runs of each variant, fixed seed, so the summary is
 * reproducible from the same file).
 */
final class StartupRuns {

    private static final int RESAMPLES = 4000;

    private final List<String[]> rows = new ArrayList<>();

    private StartupRuns() {
    }

    static StartupRuns read(Path file) throws IOException {
        StartupRuns runs = new StartupRuns();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.startsWith("program,")) {
                continue;
            }
            runs.rows.add(line.split(",", -1));
        }
        return runs;
    }

    /** Milliseconds of column 3 (to main return) or 4 (to exit) for a program and variant. */
    double[] millis(String program, String variant, int column) {
        return rows.stream()
                .filter(r -> r[0].equals(program) && r[1].equals(variant) && !r[column].isEmpty())
                .mapToDouble(r -> Long.parseLong(r[column]) / 1e6)
                .sorted()
                .toArray();
    }

    /** Exit codes seen for a program and variant, distinct, for the table. */
    String exitCodes(String program, String variant) {
        return rows.stream().filter(r -> r[0].equals(program) && r[1].equals(variant))
                .map(r -> r[5]).distinct().sorted().reduce((a, b) -> a + "/" + b).orElse("-");
    }

    boolean has(String program) {
        return rows.stream().anyMatch(r -> r[0].equals(program));
    }

    static double median(double[] sorted) {
        return quantile(sorted, 0.5);
    }

    /** Linear interpolation between closest ranks. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /** Bootstrap 95% interval of median(b) - median(a): {low, high}. */
    static double[] medianDifferenceInterval(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Random random = new Random(42);
        double[] differences = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            differences[i] = median(resample(b, random)) - median(resample(a, random));
        }
        Arrays.sort(differences);
        return new double[] {quantile(differences, 0.025), quantile(differences, 0.975)};
    }

    private static double[] resample(double[] values, Random random) {
        double[] sample = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            sample[i] = values[random.nextInt(values.length)];
        }
        Arrays.sort(sample);
        return sample;
    }
}
