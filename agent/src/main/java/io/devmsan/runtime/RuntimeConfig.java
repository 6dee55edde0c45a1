package io.devmsan.runtime;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the runtime reports: an immutable value; every {@code with...} method returns a new
 * instance. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * RuntimeConfig config = RuntimeConfig.defaults()
 *         .withReportDir(Path.of("build/devmsan"))
 *         .withOnViolation(RuntimeConfig.OnViolation.THROW);
 * }</pre>
 */
public final class RuntimeConfig {

    /** The stack depth used unless {@link #withStackDepth} says otherwise. */
    public static final int DEFAULT_STACK_DEPTH = 32;

    /** The report files written unless {@link #withFormats} says otherwise: JSON, SARIF and HTML. */
    public static final Set<Format> DEFAULT_FORMATS =
            Collections.unmodifiableSet(EnumSet.of(Format.JSON, Format.SARIF, Format.HTML));

    /** Where sources are looked for unless {@link #withSourceRoots} says otherwise (Maven's layout). */
    public static final List<Path> DEFAULT_SOURCE_ROOTS =
            List.of(Paths.get("src", "main", "java"), Paths.get("src", "test", "java"));

    private static final RuntimeConfig DEFAULTS = new RuntimeConfig(Paths.get("target", "devmsan"),
            OnViolation.RECORD, Provenance.LIGHT, DEFAULT_STACK_DEPTH, DEFAULT_FORMATS, DEFAULT_SOURCE_ROOTS, null);

    private final Path reportDir;
    private final OnViolation onViolation;
    private final Provenance provenance;
    private final int stackDepth;
    private final Set<Format> formats;
    private final List<Path> sourceRoots;
    /** Null: the enclosing repository's root, found when a report is written. */
    private final Path sourceBase;

    private RuntimeConfig(Path reportDir, OnViolation onViolation, Provenance provenance, int stackDepth,
            Set<Format> formats, List<Path> sourceRoots, Path sourceBase) {
        this.reportDir = reportDir;
        this.onViolation = onViolation;
        this.provenance = provenance;
        this.stackDepth = stackDepth;
        this.formats = formats;
        this.sourceRoots = sourceRoots;
        this.sourceBase = sourceBase;
    }

    /**
     * Report directory {@code target/devmsan} (relative to the working directory),
     * {@link OnViolation#RECORD}, {@link Provenance#LIGHT}, stack depth 32, formats JSON, SARIF
     * and HTML, source roots {@code src/main/java} and {@code src/test/java}, source base found
     * automatically (see {@link #sourceBase()}).
     */
    public static RuntimeConfig defaults() {
        return DEFAULTS;
    }

    /** Where the JSON report file is written; created when missing. */
    public Path reportDir() {
        return reportDir;
    }

    /** What happens at a violation. */
    public OnViolation onViolation() {
        return onViolation;
    }

    /** How much provenance is recorded. */
    public Provenance provenance() {
        return provenance;
    }

    /** The most frames kept per stack in a report. */
    public int stackDepth() {
        return stackDepth;
    }

    /**
     * The report files written per JVM. {@link Format#JSON} is always among them: it is what the
     * {@code report} and {@code check} commands read.
     */
    public Set<Format> formats() {
        return formats;
    }

    /**
     * Directories holding the program's sources, relative to the working directory or absolute:
     * reports locate a class's source file under them to give SARIF repository-relative paths.
     */
    public List<Path> sourceRoots() {
        return sourceRoots;
    }

    /**
     * The directory SARIF paths are relative to, or null for the default: the nearest directory
     * at or above the working directory that contains {@code .git} (the repository root), else the
     * working directory.
     */
    public Path sourceBase() {
        return sourceBase;
    }

    /** A copy that writes reports to {@code reportDir}. */
    public RuntimeConfig withReportDir(Path reportDir) {
        Objects.requireNonNull(reportDir, "reportDir is null; expected a directory path");
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth, formats, sourceRoots, sourceBase);
    }

    /** A copy with the given violation strategy. */
    public RuntimeConfig withOnViolation(OnViolation onViolation) {
        Objects.requireNonNull(onViolation, "onViolation is null; expected one of record, throw, log");
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth, formats, sourceRoots, sourceBase);
    }

    /** A copy with the given provenance level. */
    public RuntimeConfig withProvenance(Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance is null; expected one of none, light, full");
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth, formats, sourceRoots, sourceBase);
    }

    /**
     * A copy keeping at most {@code stackDepth} frames per stack.
     *
     * @throws IllegalArgumentException when {@code stackDepth} is not between 1 and 1024
     */
    public RuntimeConfig withStackDepth(int stackDepth) {
        if (stackDepth < 1 || stackDepth > 1024) {
            throw new IllegalArgumentException("stackDepth " + stackDepth
                    + " is out of range; expected 1 to 1024");
        }
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth, formats, sourceRoots, sourceBase);
    }

    /**
     * A copy writing these report formats; {@link Format#JSON} is added when missing.
     *
     * @throws IllegalArgumentException when {@code formats} is null
     */
    public RuntimeConfig withFormats(Set<Format> formats) {
        if (formats == null) {
            throw new IllegalArgumentException("formats is null; expected a set of json, sarif, html, text");
        }
        EnumSet<Format> copy = EnumSet.of(Format.JSON);
        copy.addAll(formats);
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth,
                Collections.unmodifiableSet(copy), sourceRoots, sourceBase);
    }

    /**
     * A copy looking for sources under these roots (relative to the working directory, or absolute).
     *
     * @throws IllegalArgumentException when {@code sourceRoots} or one of its entries is null
     */
    public RuntimeConfig withSourceRoots(List<Path> sourceRoots) {
        if (sourceRoots == null || containsNull(sourceRoots)) {
            throw new IllegalArgumentException("sourceRoots " + sourceRoots
                    + " is or contains null; expected a list of directory paths");
        }
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth, formats,
                List.copyOf(sourceRoots), sourceBase);
    }

    /** Not {@code contains(null)}, which immutable lists reject; not a stream, which costs start-up time. */
    private static boolean containsNull(List<Path> paths) {
        for (Path path : paths) {
            if (path == null) {
                return true;
            }
        }
        return false;
    }

    /** A copy whose SARIF paths are relative to {@code sourceBase}; null restores the default. */
    public RuntimeConfig withSourceBase(Path sourceBase) {
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth, formats, sourceRoots, sourceBase);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RuntimeConfig)) {
            return false;
        }
        RuntimeConfig that = (RuntimeConfig) other;
        return reportDir.equals(that.reportDir) && onViolation == that.onViolation
                && provenance == that.provenance && stackDepth == that.stackDepth
                && formats.equals(that.formats) && sourceRoots.equals(that.sourceRoots)
                && Objects.equals(sourceBase, that.sourceBase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportDir, onViolation, provenance, stackDepth, formats, sourceRoots, sourceBase);
    }

    @Override
    public String toString() {
        return "reportDir=" + reportDir + ", onViolation=" + onViolation.option() + ", provenance="
                + provenance.option() + ", stackDepth=" + stackDepth + ", formats="
                + formats.stream().map(Format::option).collect(Collectors.joining("+")) + ", sourceRoots="
                + sourceRoots + ", sourceBase=" + (sourceBase == null ? "auto" : sourceBase);
    }

    /** A report file format. */
    public enum Format {
        /** {@code devmsan-<pid>-<start>.json}: the record that the command-line tools merge. */
        JSON("json"),
        /** {@code .sarif}: SARIF 2.1.0 for code scanning. */
        SARIF("sarif"),
        /** {@code .html}: one self-contained page with a lifecycle picture per violation. */
        HTML("html"),
        /** {@code .txt}: the console's KASAN-style blocks, once per fingerprint with its count. */
        TEXT("txt");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The option spelling: {@code json}, {@code sarif}, {@code html} or {@code text}. */
        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The file name extension, without the dot. */
        public String extension() {
            return extension;
        }

        /**
         * Parses {@code json+sarif}-style lists, ignoring case; {@link #JSON} is always included.
         *
         * @throws IllegalArgumentException naming the unknown format and the accepted ones
         */
        public static Set<Format> parseList(String value) {
            EnumSet<Format> formats = EnumSet.of(JSON);
            for (String part : (value == null ? "" : value).split("\\+", -1)) {
                formats.add(fromOption(part, value));
            }
            return Collections.unmodifiableSet(formats);
        }

        private static Format fromOption(String part, String whole) {
            for (Format candidate : values()) {
                if (candidate.option().equalsIgnoreCase(part.trim())) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("formats=" + whole + " names unknown format '" + part
                    + "'; accepted: json, sarif, html, text, joined with '+' (e.g. json+sarif)");
        }
    }

    /** What the runtime does when it detects a violation. */
    public enum OnViolation {
        /** Record it and print its report once per fingerprint; later occurrences are counted. */
        RECORD,
        /** Like {@link #RECORD}, then throw {@link DevmsanViolationError} at the access. */
        THROW,
        /** Print and record it, marked as not failing (for suites that only want to look). */
        LOG;

        /** The option spelling: {@code record}, {@code throw} or {@code log}. */
        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses an option value, ignoring case.
         *
         * @throws IllegalArgumentException naming the value and the accepted ones
         */
        public static OnViolation fromOption(String value) {
            for (OnViolation candidate : values()) {
                if (candidate.option().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("onViolation=" + value
                    + " is not supported; expected record, throw or log");
        }
    }

    /** How much the runtime records about where owned state came from. */
    public enum Provenance {
        /** Reports show the probe's stack as allocation stack; owned objects share the scope's token. */
        NONE,
        /** Each owned object and scoped store made during probe gets its own allocation stack. */
        LIGHT,
        /** Like {@link #LIGHT}, and file operations, entry points and fences appear in timelines. */
        FULL;

        /** The option spelling: {@code none}, {@code light} or {@code full}. */
        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses an option value, ignoring case.
         *
         * @throws IllegalArgumentException naming the value and the accepted ones
         */
        public static Provenance fromOption(String value) {
            for (Provenance candidate : values()) {
                if (candidate.option().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("provenance=" + value
                    + " is not supported; expected none, light or full");
        }
    }
}
