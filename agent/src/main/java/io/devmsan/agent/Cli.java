package io.devmsan.agent;

import io.devmsan.report.Baseline;
import io.devmsan.report.Finding;
import io.devmsan.report.ReportFiles;
import io.devmsan.report.ReportSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line tools of the agent jar, for build steps after the tests:
 *
 * <pre>
 * java -jar devmsan-agent.jar report   &lt;dir&gt;... [--out &lt;dir&gt;]       merged devmsan.json, .sarif, .html
 * java -jar devmsan-agent.jar check    &lt;dir&gt;... [--baseline &lt;file&gt;]  exit 1 on violations not in the baseline
 * java -jar devmsan-agent.jar baseline &lt;dir&gt;... --out &lt;file&gt;        the current fingerprints as a baseline
 * </pre>
 *
 * Exit codes: 0 fine, 1 violations (check) or unreadable report files, 2 usage errors (one line
 * naming what was wrong and what is accepted).
 */
final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_LINES = String.join("\n",
            "usage: java -jar devmsan-agent.jar <command> <dir or file>... [options]",
            "  report <dir>... [--out <dir>]          merge devmsan-*.json into devmsan.json, devmsan.sarif, devmsan.html",
            "                                         (default --out: the first directory)",
            "  check <dir>... [--baseline <file>]     one line per violation; exit 1 if any is not in the baseline",
            "  baseline <dir>... --out <file>         write the current violations as a baseline file",
            "A <dir> is searched for devmsan-*.json (not recursively); a file argument is read as a report.");

    private final PrintStream out;
    private final PrintStream err;
    private String command = "devmsan";

    private Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        return new Cli(out, err).run(arguments);
    }

    private int run(String[] arguments) {
        if (arguments.length == 0 || List.of("-h", "--help", "help").contains(arguments[0])) {
            (arguments.length == 0 ? err : out).println(USAGE_LINES);
            return arguments.length == 0 ? USAGE : OK;
        }
        command = "devmsan " + arguments[0];
        try {
            switch (arguments[0]) {
                case "report":
                    return report(Arguments.parse(arguments, List.of("--out")));
                case "check":
                    return check(Arguments.parse(arguments, List.of("--baseline")));
                case "baseline":
                    return baseline(Arguments.parse(arguments, List.of("--out")));
                default:
                    err.println("devmsan: unknown command '" + arguments[0] + "'; accepted: report, check, baseline "
                            + "(java -jar devmsan-agent.jar --help)");
                    return USAGE;
            }
        } catch (UsageException e) {
            err.println(command + ": " + e.getMessage());
            return USAGE;
        }
    }

    private int report(Arguments arguments) {
        Loaded loaded = load(arguments);
        Path outDir = arguments.path("--out", "a directory");
        if (outDir == null) {
            Path first = arguments.inputs.get(0);
            outDir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
        }
        ReportSet set = loaded.set;
        try {
            ReportFiles.writeAtomically(outDir.resolve("devmsan.json"), set.toJson(DevmsanAgent.version()));
            ReportFiles.writeAtomically(outDir.resolve("devmsan.sarif"), set.toSarif());
            ReportFiles.writeAtomically(outDir.resolve("devmsan.html"), set.toHtml());
        } catch (IOException e) {
            err.println(command + ": cannot write to " + outDir + ": " + e + "; expected a writable directory");
            return FAILED;
        }
        out.println(command + ": " + plural(set.findings().size(), "violation") + " from "
                + plural(set.files().size(), "report file") + " -> " + outDir.resolve("devmsan") + ".{json,sarif,html}");
        return loaded.problems ? FAILED : OK;
    }

    private int check(Arguments arguments) {
        Path baselineFile = arguments.path("--baseline", "a baseline file");
        Baseline baseline = Baseline.empty();
        if (baselineFile != null) {
            try {
                baseline = Baseline.read(baselineFile);
            } catch (IOException e) {
                throw new UsageException("cannot read baseline " + baselineFile + " (" + e.getClass().getSimpleName()
                        + "); expected a file written by 'baseline --out'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Loaded loaded = load(arguments);
        int fresh = 0;
        int known = 0;
        int informational = 0;
        long freshOccurrences = 0;
        List<String> seen = new ArrayList<>();
        for (Finding finding : loaded.set.findings()) {
            seen.add(finding.fingerprint());
            String status;
            if (baseline.contains(finding.fingerprint())) {
                status = "KNOWN";
                known++;
            } else if (!finding.failing()) {
                status = "INFO";
                informational++;
            } else {
                status = "NEW";
                fresh++;
                freshOccurrences += finding.count();
            }
            out.println(status + " " + finding.rule() + " " + finding.resource() + " at " + finding.location()
                    + " count=" + finding.count() + " [" + finding.fingerprint() + "]");
        }
        long fixed = baseline.fingerprints().stream().filter(f -> !seen.contains(f)).count();
        boolean failed = fresh > 0 || loaded.problems;
        StringBuilder summary = new StringBuilder(command).append(": ").append(failed ? "FAILED: " : "OK: ")
                .append(plural(fresh, "new violation"));
        if (fresh > 0) {
            summary.append(" (").append(plural(freshOccurrences, "occurrence")).append(')');
        }
        summary.append(", ").append(known).append(" known, ").append(informational).append(" informational in ")
                .append(plural(loaded.set.files().size(), "report file"));
        if (loaded.problems) {
            summary.append(", ").append(plural(loaded.set.problems().size(), "unreadable report file"))
                    .append(" (it may hide violations)");
        }
        if (fixed > 0) {
            summary.append("; ").append(fixed).append(" baselined ").append(fixed == 1 ? "fingerprint" : "fingerprints")
                    .append(" not seen (fixed? remove from ").append(baselineFile).append(')');
        }
        out.println(summary);
        return failed ? FAILED : OK;
    }

    private int baseline(Arguments arguments) {
        Path target = arguments.path("--out", "a file");
        if (target == null) {
            throw new UsageException("--out <file> is required; it names the baseline file to write");
        }
        Loaded loaded = load(arguments);
        try {
            ReportFiles.writeAtomically(target, Baseline.render(loaded.set.findings()));
        } catch (IOException e) {
            err.println(command + ": cannot write " + target + ": " + e + "; expected a writable file path");
            return FAILED;
        }
        out.println(command + ": " + plural(loaded.set.findings().size(), "fingerprint") + " -> " + target);
        return loaded.problems ? FAILED : OK;
    }

    /** Reads and merges the inputs; unreadable files are reported on stderr, one line each. */
    private Loaded load(Arguments arguments) {
        ReportSet set;
        try {
            set = ReportSet.load(arguments.inputs);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        set.problems().forEach(err::println);
        if (set.files().isEmpty() && set.problems().isEmpty()) {
            throw new UsageException("no devmsan-*.json report files in " + arguments.inputs + "; expected the "
                    + "reportDir of a run with -javaagent:devmsan-agent.jar (see docs/ci.md)");
        }
        return new Loaded(set, !set.problems().isEmpty());
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private record Loaded(ReportSet set, boolean problems) {
    }

    /** A usage error: one line naming what was wrong and what is accepted; exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Positional inputs and {@code --name value} (or {@code --name=value}) options. */
    private static final class Arguments {
        final List<Path> inputs = new ArrayList<>();
        final java.util.Map<String, String> options = new java.util.HashMap<>();

        static Arguments parse(String[] arguments, List<String> accepted) {
            Arguments parsed = new Arguments();
            for (int i = 1; i < arguments.length; i++) {
                String argument = arguments[i];
                if (argument.startsWith("--")) {
                    int equals = argument.indexOf('=');
                    String name = equals > 0 ? argument.substring(0, equals) : argument;
                    if (!accepted.contains(name)) {
                        throw new UsageException("unknown option '" + name + "'; accepted: "
                                + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
                    }
                    String value = equals > 0 ? argument.substring(equals + 1)
                            : i + 1 < arguments.length ? arguments[++i] : null;
                    if (value == null || value.isEmpty()) {
                        throw new UsageException(name + " needs a value, as in " + name + " <path>");
                    }
                    if (parsed.options.put(name, value) != null) {
                        throw new UsageException(name + " is given twice; expected it at most once");
                    }
                } else {
                    parsed.inputs.add(toPath(argument, "report directory"));
                }
            }
            if (parsed.inputs.isEmpty()) {
                throw new UsageException("no report directory given; expected at least one <dir> (such as "
                        + "target/devmsan)");
            }
            return parsed;
        }

        Path path(String option, String what) {
            String value = options.get(option);
            return value == null ? null : toPath(value, what + " for " + option);
        }

        private static Path toPath(String value, String what) {
            try {
                return Paths.get(value);
            } catch (InvalidPathException e) {
                throw new UsageException("'" + value + "' is not a usable path; expected " + what);
            }
        }
    }
}
