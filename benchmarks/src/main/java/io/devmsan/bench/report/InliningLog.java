package io.devmsan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JIT did with the hot driver methods in one fork: from {@code -XX:+PrintInlining} the
 * decision for a method at each call site C2 or C1 considered, in order (the last ones belong to
 * the compilations that run in the measurement), and how often each decision was taken for the
 * inserted checks; from {@code -XX:+LogCompilation} the machine-code size of the method's own
 * C2 compilation. C2 does not inline a method that already has compiled code larger than
 * {@code InlineSmallCode} (2500 bytes on x86-64), whatever its profile says: a rewrite that grows
 * a handler's compiled code past that turns an inlined call into a real one.
 */
final class InliningLog {

    private static final Pattern NMETHOD = Pattern.compile(
            "<nmethod .*compiler='c2' level='4'.*insts_offset='(\\d+)' stub_offset='(\\d+)'.*method='([^']+)' bytes='(\\d+)'");

    private final List<String> printInlining;
    private final List<String> logCompilation;

    private InliningLog(List<String> printInlining, List<String> logCompilation) {
        this.printInlining = printInlining;
        this.logCompilation = logCompilation;
    }

    static InliningLog read(Path printInlining, Path logCompilation) throws IOException {
        return new InliningLog(Files.readAllLines(printInlining),
                Files.exists(logCompilation) ? Files.readAllLines(logCompilation) : List.of());
    }

    /** PrintInlining's decisions for {@code method} ({@code a.b.C::m}), in log order. */
    List<String> decisions(String method) {
        List<String> decisions = new ArrayList<>();
        for (String line : printInlining) {
            if (line.contains(" " + method + " (")) {
                decisions.add(decision(line));
            }
        }
        return decisions;
    }

    /** How often each decision was taken for the inserted checks ({@code DevmsanRuntime::check...}). */
    Map<String, Integer> checkDecisions() {
        Map<String, Integer> checks = new TreeMap<>();
        for (String line : printInlining) {
            if (line.contains("io.devmsan.runtime.DevmsanRuntime::check")) {
                checks.merge(decision(line), 1, Integer::sum);
            }
        }
        return checks;
    }

    /**
     * "bytecode B, C2 code N bytes" for each C2 compilation of {@code method}
     * ({@code a.b.C m} as LogCompilation names it), or an empty list when it had none of its own.
     */
    List<String> compiledSizes(String method) {
        List<String> sizes = new ArrayList<>();
        for (String line : logCompilation) {
            Matcher m = NMETHOD.matcher(line);
            if (m.find() && m.group(3).startsWith(method + " ")) {
                int code = Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1));
                sizes.add("bytecode " + m.group(4) + " B, C2 code " + code + " B");
            }
        }
        return sizes;
    }

    /** "@ 26   a.B::m (288 bytes)   inline (hot)" becomes "288 bytes: inline (hot)". */
    private static String decision(String line) {
        Matcher m = Pattern.compile("\\((\\d+ bytes)\\)\\s+(.*)$").matcher(line);
        return m.find() ? m.group(1) + ": " + m.group(2).trim() : line.trim();
    }
}
