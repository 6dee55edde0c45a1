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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    private static final Map<String, BiFunction<AgentOptions, String, AgentOptions>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("include", (o, v) -> o.withIncludes(v));
        KEYS.put("exclude", (o, v) -> o.withExcludes(v));
        KEYS.put("reportDir", (o, v) -> o.withReportDir(path("reportDir", v)));
        KEYS.put("formats", (o, v) -> o.withFormats(formats(v)));
        KEYS.put("onViolation", (o, v) -> o.withOnViolation(choice("onViolation", v, OnViolation.class)));
        KEYS.put("provenance", (o, v) -> o.withProvenance(choice("provenance", v, Provenance.class)));
        KEYS.put("stackDepth", (o, v) -> o.withStackDepth(wholeNumber("stackDepth", v, 1, 1024)));
        KEYS.put("dumpDir", (o, v) -> o.withDumpDir(path("dumpDir", v)));
        KEYS.put("log", (o, v) -> o.withLog(choice("log", v, LogLevel.class)));
        KEYS.put("sourceRoots", (o, v) -> o.withSourceRoots(sourceRoots(v)));
        KEYS.put("sourceBase", (o, v) -> o.withSourceBase("auto".equals(v) ? null : path("sourceBase", v)));
    }

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
                        + String.join(", ", KEYS.keySet()));
            }
            String key = pair.substring(0, equals).trim();
            BiFunction<AgentOptions, String, AgentOptions> setter = KEYS.get(key);
            if (setter == null) {
                throw new IllegalArgumentException("devmsan: unknown option '" + key + "'; accepted keys: "
                        + String.join(", ", KEYS.keySet()));
            }
            options = setter.apply(options, pair.substring(equals + 1).trim());
        }
        return options;
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
    static Set<String> keys() {
        return Collections.unmodifiableSet(KEYS.keySet());
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
        throw new IllegalArgumentException("devmsan: option " + key + "=" + value + " is not accepted; accepted: "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
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
        for (String root : value.split(Pattern.quote(File.pathSeparator))) {
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
