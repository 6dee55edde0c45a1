package io.devmsan.samples.runner;

import java.util.List;

/** Formats outcomes: the human table with the violation reports, or one JSON array. */
final class Report {

    private static final String[] HEADER = {"ID", "SEED", "PATTERN", "EXPECTED", "OBSERVED", "RESULT"};

    private Report() {
    }

    /**
     * The table, then each story failure and a short form of each violation (the full reports are
     * on stderr and in the agent's report files), then a summary line.
     */
    static String table(List<Outcome> outcomes) {
        String[][] rows = new String[outcomes.size() + 1][];
        rows[0] = HEADER;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            rows[i + 1] = new String[] {o.scenario().id(), o.scenario().seed(), o.scenario().pattern(),
                o.scenario().expected().label(), o.observed().label(), o.ok() ? "OK" : "MISMATCH"};
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                out.append(c == row.length - 1 ? row[c] : pad(row[c], widths[c] + 2));
            }
            out.append('\n');
        }
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                out.append('\n').append("--- ").append(o.scenario().id()).append(": story failed: ")
                        .append(o.error()).append('\n');
            }
            int n = o.violationTexts().size();
            if (n > 0) {
                out.append('\n').append("--- ").append(o.scenario().id()).append(": ").append(n)
                        .append(n == 1 ? " violation" : " violations").append('\n');
                for (String text : o.violationTexts()) {
                    out.append(text);
                    if (!text.endsWith("\n")) {
                        out.append('\n');
                    }
                }
            }
        }
        if (outcomes.stream().anyMatch(o -> !o.violationTexts().isEmpty())) {
            out.append('\n').append("Full reports: printed on stderr as each happened, and in the agent's report files "
                    + "(JSON, SARIF, HTML; see docs/report-format.md).\n");
        }
        out.append('\n').append(summary(outcomes)).append('\n');
        return out.toString();
    }

    /** {@code N scenarios: A OK, B MISMATCH}. */
    static String summary(List<Outcome> outcomes) {
        long ok = outcomes.stream().filter(Outcome::ok).count();
        return outcomes.size() + (outcomes.size() == 1 ? " scenario: " : " scenarios: ") + ok + " OK, "
                + (outcomes.size() - ok) + " MISMATCH";
    }

    /** One JSON array of {id, seed, pattern, expected, observed, [error,] violations}. */
    static String json(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            out.append(i == 0 ? "\n  {" : ",\n  {");
            field(out, "id", o.scenario().id()).append(", ");
            field(out, "seed", o.scenario().seed()).append(", ");
            field(out, "pattern", o.scenario().pattern()).append(", ");
            field(out, "expected", o.scenario().expected().label()).append(", ");
            field(out, "observed", o.observed().label()).append(", ");
            if (o.error() != null) {
                field(out, "error", o.error()).append(", ");
            }
            out.append("\"violations\": [");
            for (int v = 0; v < o.violationJsons().size(); v++) {
                out.append(v == 0 ? "" : ", ").append(o.violationJsons().get(v).strip());
            }
            out.append("]}");
        }
        return out.append(outcomes.isEmpty() ? "]" : "\n]").append('\n').toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        return quote(out, name).append(": ").append(value == null ? "null" : quote(new StringBuilder(), value));
    }

    /** Appends {@code s} as a JSON string literal. */
    static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
            }
        }
        return out.append('"');
    }

    private static String pad(String s, int width) {
        StringBuilder out = new StringBuilder(s);
        while (out.length() < width) {
            out.append(' ');
        }
        return out.toString();
    }
}
