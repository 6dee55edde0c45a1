package io.devmsan.report;

import io.devmsan.runtime.Violation;
import java.util.List;

/**
 * The text report file: the KASAN-style block of each violation, as the console showed it at its
 * first occurrence, once per fingerprint, each introduced by its number and count.
 */
public final class TextReportFile {

    private TextReportFile() {
    }

    /**
     * The file's content.
     *
     * @param header the first line, such as {@code devmsan 0.1.0 in JVM 4711 started 2025-...}
     * @param violations one per fingerprint, with their total counts
     */
    public static String render(String header, List<? extends Violation> violations) {
        long occurrences = violations.stream().mapToLong(Violation::count).sum();
        StringBuilder out = new StringBuilder(4096);
        out.append(header).append('\n');
        out.append(violations.size()).append(violations.size() == 1 ? " violation" : " violations").append(", ")
                .append(occurrences).append(occurrences == 1 ? " occurrence" : " occurrences").append("\n\n");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            out.append('[').append(i + 1).append('/').append(violations.size()).append("] ").append(v.rule())
                    .append(' ').append(v.resource()).append(": ").append(v.count())
                    .append(v.count() == 1 ? " occurrence" : " occurrences, details of the first")
                    .append(v.failing() ? "" : " (informational: onViolation=log)").append('\n');
            out.append(v.toText()).append('\n');
        }
        return out.toString();
    }
}
