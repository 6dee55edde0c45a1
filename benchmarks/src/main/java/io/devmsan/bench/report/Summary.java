package io.devmsan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the summary of one scripts/bench.sh run as Markdown: the workload table with ratios and
 * allocation, the targets with measured values, start-up, rewrite throughput, memory and the
 * inlining decisions. Every figure comes from a result file of that run; a missing file is said to
 * be missing, never filled in.
 *
 * <p>Usage: {@code Summary <results-dir>}.
 */
public final class Summary {

    private static final double STARTUP_MILLIS = 200;

    private final Path dir;
    private final StringBuilder out = new StringBuilder();

    private Summary(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Summary <results-dir>; expected the directory scripts/bench.sh wrote");
            System.exit(2);
        }
        System.out.print(new Summary(Path.of(args[0])).build());
    }

    private String build() throws IOException {
        section("Environment");
        verbatim("env.txt");
        steal();
        workload();
        startup();
        rewrite();
        memory();
        inlining();
        return out.toString();
    }

    private void workload() throws IOException {
        WorkloadRounds rounds = WorkloadRounds.read(dir);
        section("Workload (ns/op: median [interval] over " + rounds.size()
                + " rounds for no agent, hand-written and agent; ± JMH 99.9% half-width over one fork for the other states;"
                + " B/op from -prof gc, worst fork)");
        if (rounds.size() == 0) {
            out.append("(no workload-round-K.csv: the rounds did not run)\n\n");
            return;
        }
        JmhCsv states = null;
        if (!missing("workload-states.csv")) {
            states = JmhCsv.read(dir.resolve("workload-states.csv"));
        }
        WorkloadSection workload = new WorkloadSection(rounds, states);
        out.append(workload.table()).append('\n');
        section("Targets: workload");
        out.append(WorkloadSection.HOW_TARGETS_ARE_JUDGED).append("\n\n");
        out.append(workload.targets()).append('\n');
    }

    /**
     * Steal time per step, from the cumulative ticks env.txt logs at the end of each: a round
     * that lost seconds to other guests on the host measured the host, not the agent.
     */
    private void steal() throws IOException {
        Path env = dir.resolve("env.txt");
        if (!Files.exists(env)) {
            return;
        }
        Pattern line = Pattern.compile("^\\S+ (.+): loadavg .*, steal (\\d+) ticks$");
        List<String> steps = new ArrayList<>();
        long previous = -1;
        for (String text : Files.readAllLines(env)) {
            Matcher m = line.matcher(text);
            if (!m.matches()) {
                continue;
            }
            long ticks = Long.parseLong(m.group(2));
            if (previous >= 0) {
                steps.add(String.format(Locale.ROOT, "%s %.1f s", m.group(1), (ticks - previous) / 100.0));
            }
            previous = ticks;
        }
        if (!steps.isEmpty()) {
            out.append("Steal (CPU time the hypervisor gave other guests) during each step, up to its end: ")
                    .append(String.join("; ", steps)).append("\n\n");
        }
    }

    private void startup() throws IOException {
        section("Start-up (ms; median [quartiles] of alternating runs)");
        if (missing("startup.csv")) {
            return;
        }
        StartupRuns runs = StartupRuns.read(dir.resolve("startup.csv"));
        Table table = new Table("program", "measure", "runs", "no agent", "agent", "overhead (median diff, 95% CI)",
                "exit codes none/agent", "target ≤ 200 ms");
        for (String program : List.of("trivial", "stories", "samples")) {
            if (!runs.has(program)) {
                table.row(program, "-", "0", "not run", "not run", "-", "-", "-");
                continue;
            }
            for (int column : new int[] {3, 4}) {
                double[] none = runs.millis(program, "none", column);
                double[] agent = runs.millis(program, "agent", column);
                if (program.equals("samples") && agent.length > 0) {
                    // The main job needs the agent (without it the runner only says so): no
                    // baseline, so this is its wall time under the agent, not an overhead.
                    table.row(program, "main job, to exit", "-/" + agent.length, "(needs the agent)",
                            quartiles(agent), "-", "- / " + runs.exitCodes(program, "agent"), "-");
                    continue;
                }
                if (none.length == 0) {
                    continue;
                }
                double overhead = StartupRuns.median(agent) - StartupRuns.median(none);
                double[] interval = StartupRuns.medianDifferenceInterval(none, agent);
                // The trivial program prints when main returns; the stories are timed to exit only,
                // and the 200 ms target is the trivial program's.
                table.row(program, column == 3 ? "to main return" : "to exit",
                        none.length + "/" + agent.length, quartiles(none), quartiles(agent),
                        String.format(Locale.ROOT, "%.0f [%.0f, %.0f]", overhead, interval[0], interval[1]),
                        runs.exitCodes(program, "none") + " / " + runs.exitCodes(program, "agent"),
                        program.equals("trivial") ? verdict(overhead <= STARTUP_MILLIS) : "-");
            }
        }
        out.append(table).append('\n');
        verbatim("startup-breakdown.txt");
    }

    private void rewrite() throws IOException {
        section("Rewrite throughput and untouched classes");
        Map<String, String> census = new LinkedHashMap<>();
        if (!missing("census.txt")) {
            for (String line : Files.readAllLines(dir.resolve("census.txt"))) {
                if (line.startsWith("census corpus=")) {
                    out.append("- ").append(line.substring("census ".length())).append('\n');
                    census.put(line.replaceAll(".*corpus=(\\S+).*", "$1"), line.replaceAll(".*classes=(\\d+).*", "$1"));
                }
            }
            out.append('\n');
        }
        if (missing("rewrite.csv")) {
            return;
        }
        JmhCsv csv = JmhCsv.read(dir.resolve("rewrite.csv"));
        Measure pass = csv.get("RewriteThroughput.rewriteJar");
        Measure facts = csv.get("RewriteThroughput.readFacts");
        String classesText = census.get("guava.jar");
        if (pass == null || classesText == null) {
            out.append("rewriteJar or the census of guava.jar is missing\n\n");
            return;
        }
        double classes = Double.parseDouble(classesText);
        Table table = new Table("measure", "value");
        table.row("one pass over guava.jar (" + (long) classes + " classes), cold caches", pass.format(1) + " ms");
        String range = pass.value - pass.error > 0
                ? String.format(Locale.ROOT, " (%.0f to %.0f)", classes / (pass.value + pass.error) * 1000,
                        classes / (pass.value - pass.error) * 1000)
                : " (error larger than the value: no range)";
        table.row("classes per second", String.format(Locale.ROOT, "%.0f", classes / pass.value * 1000) + range);
        table.row("per class, whole decision", String.format(Locale.ROOT, "%.1f µs", pass.value * 1000 / classes));
        if (facts != null) {
            table.row("per class, TypeFacts.read only", String.format(Locale.ROOT, "%.1f µs", facts.value * 1000 / classes));
            table.row("per class, relevance scan and the rest (difference)",
                    String.format(Locale.ROOT, "%.1f µs", (pass.value - facts.value) * 1000 / classes));
        }
        out.append(table).append('\n');
    }

    private void memory() throws IOException {
        section("Memory (bytes; agent run minus run without agent, SerialGC, used heap after full GCs)");
        if (missing("memory-agent.txt") || missing("memory-none.txt")) {
            return;
        }
        Map<String, Long> agent = keyValues(dir.resolve("memory-agent.txt"));
        Map<String, Long> none = keyValues(dir.resolve("memory-none.txt"));
        Table table = new Table("measure", "agent", "no agent", "agent's share");
        for (String key : agent.keySet()) {
            Long plain = none.get(key);
            String share = plain == null ? "-" : Long.toString(agent.get(key) - plain);
            table.row(key, Long.toString(agent.get(key)), plain == null ? "-" : plain.toString(), share);
        }
        out.append(table).append('\n');
        out.append("Largest classes per item under the agent (JVM class histogram):\n\n```\n");
        for (String line : Files.readAllLines(dir.resolve("memory-agent.txt"))) {
            if (line.startsWith("memory breakdown.")) {
                out.append(line.substring("memory breakdown.".length())).append('\n');
            }
        }
        out.append("```\n\n");
    }

    private void inlining() throws IOException {
        section("JIT: inlining decisions and compiled size (one fork each of ioctlDirect and read)");
        Table table = new Table("variant", "method", "PrintInlining at its call sites, in log order (last = measured code)",
                "own C2 compilation");
        String[][] variants = {
            {"agent", "io.devmsan.bench.driver.XyzDev", "io.devmsan.bench.driver.IoRegion"},
            {"none", "io.devmsan.bench.driver.XyzDev", "io.devmsan.bench.driver.IoRegion"},
            {"hand", "io.devmsan.bench.hand.HandDev", "io.devmsan.bench.hand.HandRegion"},
        };
        for (String[] variant : variants) {
            Path log = dir.resolve("inlining-" + variant[0] + ".log");
            if (!Files.exists(log)) {
                table.row(variant[0], "-", "log missing", "-");
                continue;
            }
            InliningLog jit = InliningLog.read(log, dir.resolve("compilation-" + variant[0] + ".log"));
            for (String[] method : new String[][] {{variant[1], "ioctl"}, {variant[1], "read"}, {variant[2], "readl"}}) {
                String name = method[0] + "::" + method[1];
                table.row(variant[0], name.substring(name.lastIndexOf('.') + 1), runs(jit.decisions(name)),
                        String.join("; ", jit.compiledSizes(method[0] + " " + method[1])));
            }
            if (variant[0].equals("agent")) {
                out.append("Inserted checks (DevmsanRuntime::check*), decisions over all compilations: ")
                        .append(jit.checkDecisions()).append("\n\n");
            }
        }
        out.append(table).append('\n');
    }

    /** Consecutive equal entries as one with a count: "a ×3, b". */
    private static String runs(List<String> entries) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); ) {
            int j = i;
            while (j < entries.size() && entries.get(j).equals(entries.get(i))) {
                j++;
            }
            text.append(text.length() == 0 ? "" : ", ").append(entries.get(i)).append(j - i > 1 ? " ×" + (j - i) : "");
            i = j;
        }
        return text.length() == 0 ? "-" : text.toString();
    }

    private static Map<String, Long> keyValues(Path file) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("memory ") && !line.startsWith("memory breakdown.") && line.contains("=")) {
                String pair = line.substring("memory ".length()).split(" ")[0];
                String[] kv = pair.split("=", 2);
                values.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return values;
    }

    private static String quartiles(double[] sorted) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f [%.0f, %.0f]", StartupRuns.median(sorted),
                StartupRuns.quantile(sorted, 0.25), StartupRuns.quantile(sorted, 0.75));
    }

    static String verdict(boolean met) {
        return met ? "yes" : "NO";
    }

    private boolean missing(String file) {
        if (Files.exists(dir.resolve(file))) {
            return false;
        }
        out.append("(").append(file).append(" is missing: that step did not run)\n\n");
        return true;
    }

    private void verbatim(String file) throws IOException {
        if (!missing(file)) {
            out.append("```\n").append(Files.readString(dir.resolve(file)).strip()).append("\n```\n\n");
        }
    }

    private void section(String title) {
        out.append("### ").append(title).append("\n\n");
    }
}
