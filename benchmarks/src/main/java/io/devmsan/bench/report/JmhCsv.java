package io.devmsan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a JMH result file written with {@code -rf csv}: primary results keyed by the short
 * name {@code Class.method} (package dropped), secondary ones (profilers) by
 * {@code Class.method:metric}, for example {@code Agent.ioctl:gc.alloc.rate.norm}.
 */
final class JmhCsv {

    private final Map<String, Measure> rows = new LinkedHashMap<>();

    private JmhCsv() {
    }

    static JmhCsv read(Path file) throws IOException {
        JmhCsv csv = new JmhCsv();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            List<String> cells = cells(line);
            if (cells.size() < 7) {
                continue;
            }
            String name = shortName(cells.get(0));
            csv.rows.put(name, new Measure(number(cells.get(4)), number(cells.get(5))));
        }
        return csv;
    }

    /** The row, or null when the run did not produce it. */
    Measure get(String name) {
        return rows.get(name);
    }

    /** {@code io.devmsan.bench.workload.Agent.ioctl:gc.x} becomes {@code Agent.ioctl:gc.x}. */
    private static String shortName(String full) {
        int metric = full.indexOf(':');
        String bench = metric < 0 ? full : full.substring(0, metric);
        String suffix = metric < 0 ? "" : full.substring(metric);
        int method = bench.lastIndexOf('.');
        int type = method <= 0 ? -1 : bench.lastIndexOf('.', method - 1);
        return bench.substring(type + 1) + suffix;
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits one CSV line; JMH quotes strings and never puts quotes inside them. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
