package io.devmsan.agent;

import io.devmsan.runtime.RuntimeConfig;
import io.devmsan.runtime.RuntimeConfig.Format;
import io.devmsan.runtime.RuntimeConfig.OnViolation;
import io.devmsan.runtime.RuntimeConfig.Provenance;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's options, {@code -javaagent:devmsan-agent.jar=key=value,key=value} (JaCoCo style),
 * as an immutable value: each {@code with...} returns a new instance. Parsing rejects an unknown
 * key or a malformed value with one line naming it and what is accepted. docs/options.md lists
 * every option with its default.
 */
final class AgentOptions {

    /** How chatty it is on stderr. */
    enum LogLevel { QUIET, INFO, DEBUG }

    static final AgentOptions DEFAULTS = new AgentOptions("*", "", Paths.get("target", "devmsan"),
            "json+sarif+html", OnViolation.RECORD, Provenance.LIGHT, 32, null, LogLevel.INFO,
            "src/main/java" + File.pathSeparator + "src/test/java", null);

    /** The accepted keys, in the order error messages list them. */
    private static final List<String> KEYS = List.of("include", "exclude", "reportDir", "formats", "onViolation",
            "provenance", "stackDepth", "dumpDir", "log", "sourceRoots", "sourceBase");

    private final String includes;
    private final String excludes;
    private final Path reportDir;
    private final String formats;
    private final OnViolation onViolation;
    private final Provenance provenance;
    private final int stackDepth;
    private final Path dumpDir;
    private final LogLevel log;
    private final String sourceRoots;
    /** Null: find the repository root. */
    private final Path sourceBase;

    private AgentOptions(String includes, String excludes, Path reportDir, String formats,
            OnViolation onViolation, Provenance provenance, int stackDepth, Path dumpDir, LogLevel log,
            String sourceRoots, Path sourceBase) {
        this.includes = includes;
        this.excludes = excludes;
        this.reportDir = reportDir;
        this.formats = formats;
        this.onViolation = onViolation;
        this.provenance = provenance;
        this.stackDepth = stackDepth;
        this.dumpDir = dumpDir;
        this.log = log;
        this.sourceRoots = sourceRoots;
        this.sourceBase = sourceBase;
    }

    /** Parses the agent's argument string; null or empty means the defaults. */
    static AgentOptions parse(String arguments) {
        AgentOptions options = DEFAULTS;
        if (arguments == null || arguments.isBlank()) {
            return options;
        }
        for (String pair : arguments.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("devmsan: option '" + pair + "' is not key=value; accepted keys: "
                        + String.join(", ", KEYS));
            }
            options = options.with(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return options;
    }

    /** A switch, not a map of lambdas: each lambda would cost start-up time in every watched JVM. */
    private AgentOptions with(String key, String value) {
        switch (key) {
            case "include": return withIncludes(value);
            case "exclude": return withExcludes(value);
            case "reportDir": return withReportDir(path(key, value));
            case "formats": return withFormats(formats(value));
            case "onViolation": return withOnViolation(choice(key, value, OnViolation.class));
            case "provenance": return withProvenance(choice(key, value, Provenance.class));
            case "stackDepth": return withStackDepth(wholeNumber(key, value, 1, 1024));
            case "dumpDir": return withDumpDir(path(key, value));
            case "log": return withLog(choice(key, value, LogLevel.class));
            case "sourceRoots": return withSourceRoots(sourceRoots(value));
            case "sourceBase": return withSourceBase("auto".equals(value) ? null : path(key, value));
            default:
                throw new IllegalArgumentException("devmsan: unknown option '" + key + "'; accepted keys: "
                        + String.join(", ", KEYS));
        }
    }

    AgentOptions withIncludes(String value) {
        return new AgentOptions(value, excludes, reportDir, formats, onViolation, provenance, stackDepth, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withExcludes(String value) {
        return new AgentOptions(includes, value, reportDir, formats, onViolation, provenance, stackDepth, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withReportDir(Path value) {
        return new AgentOptions(includes, excludes, value, formats, onViolation, provenance, stackDepth, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withFormats(String value) {
        return new AgentOptions(includes, excludes, reportDir, value, onViolation, provenance, stackDepth, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withOnViolation(OnViolation value) {
        return new AgentOptions(includes, excludes, reportDir, formats, value, provenance, stackDepth, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withProvenance(Provenance value) {
        return new AgentOptions(includes, excludes, reportDir, formats, onViolation, value, stackDepth, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withStackDepth(int value) {
        return new AgentOptions(includes, excludes, reportDir, formats, onViolation, provenance, value, dumpDir, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withDumpDir(Path value) {
        return new AgentOptions(includes, excludes, reportDir, formats, onViolation, provenance, stackDepth, value, log,
                sourceRoots, sourceBase);
    }

    AgentOptions withLog(LogLevel value) {
        return new AgentOptions(includes, excludes, reportDir, formats, onViolation, provenance, stackDepth, dumpDir, value,
                sourceRoots, sourceBase);
    }

    AgentOptions withSourceRoots(String value) {
        return new AgentOptions(includes, excludes, reportDir, formats, onViolation, provenance, stackDepth, dumpDir, log,
                value, sourceBase);
    }

    AgentOptions withSourceBase(Path value) {
        return new AgentOptions(includes, excludes, reportDir, formats, onViolation, provenance, stackDepth, dumpDir, log,
                sourceRoots, value);
    }

    /** Every option key, in the order docs/options.md lists them. */
    static List<String> keys() {
        return KEYS;
    }

    /** The part of the options the runtime needs. */
    RuntimeConfig runtimeConfig() {
        return RuntimeConfig.defaults()
                .withReportDir(reportDir)
                .withOnViolation(onViolation)
                .withProvenance(provenance)
                .withStackDepth(stackDepth)
                .withFormats(Format.parseList(formats))
                .withSourceRoots(sourceRootPaths(sourceRoots))
                .withSourceBase(sourceBase);
    }

    ClassFilter classFilter() {
        return new ClassFilter(includes, excludes);
    }

    String includes() {
        return includes;
    }

    String excludes() {
        return excludes;
    }

    Path reportDir() {
        return reportDir;
    }

    String formats() {
        return formats;
    }

    OnViolation onViolation() {
        return onViolation;
    }

    Provenance provenance() {
        return provenance;
    }

    int stackDepth() {
        return stackDepth;
    }

    /** Where rewritten classes are written for debugging, or null for nowhere. */
    Path dumpDir() {
        return dumpDir;
    }

    LogLevel log() {
        return log;
    }

    /** Source roots separated by the platform's path separator ({@code :} on Linux and macOS). */
    String sourceRoots() {
        return sourceRoots;
    }

    /** The directory SARIF paths are relative to, or null for the repository root found at run time. */
    Path sourceBase() {
        return sourceBase;
    }

    private static Path path(String key, String value) {
        try {
            if (value.isEmpty()) {
                throw new InvalidPathException(value, "empty");
            }
            return Paths.get(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("devmsan: option " + key + "=" + value
                    + " is not a usable path; accepted: a relative or absolute directory path");
        }
    }

    private static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("devmsan: option " + key + "=" + value + " is not accepted; accepted: "
                + accepted);
    }

    private static int wholeNumber(String key, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("devmsan: option " + key + "=" + value
                + " is not accepted; accepted: a whole number from " + min + " to " + max);
    }

    private static String formats(String value) {
        try {
            Format.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("devmsan: option " + e.getMessage());
        }
        return value;
    }

    private static String sourceRoots(String value) {
        sourceRootPaths(value);
        return value;
    }

    private static List<Path> sourceRootPaths(String value) {
        List<Path> roots = new ArrayList<>();
        for (String root : value.split(File.pathSeparator)) {
            if (!root.isBlank()) {
                roots.add(path("sourceRoots", root.trim()));
            }
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("devmsan: option sourceRoots=" + value + " names no directory; accepted: "
                    + "directories separated by '" + File.pathSeparator + "', such as src/main/java"
                    + File.pathSeparator + "src/test/java");
        }
        return roots;
    }
}
