package io.devmsan.runtime;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Objects;

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

    private static final RuntimeConfig DEFAULTS = new RuntimeConfig(Paths.get("target", "devmsan"),
            OnViolation.RECORD, Provenance.LIGHT, DEFAULT_STACK_DEPTH);

    private final Path reportDir;
    private final OnViolation onViolation;
    private final Provenance provenance;
    private final int stackDepth;

    private RuntimeConfig(Path reportDir, OnViolation onViolation, Provenance provenance, int stackDepth) {
        this.reportDir = reportDir;
        this.onViolation = onViolation;
        this.provenance = provenance;
        this.stackDepth = stackDepth;
    }

    /**
     * Report directory {@code target/devmsan} (relative to the working directory),
     * {@link OnViolation#RECORD}, {@link Provenance#LIGHT}, stack depth 32.
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

    /** A copy that writes reports to {@code reportDir}. */
    public RuntimeConfig withReportDir(Path reportDir) {
        Objects.requireNonNull(reportDir, "reportDir is null; expected a directory path");
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth);
    }

    /** A copy with the given violation strategy. */
    public RuntimeConfig withOnViolation(OnViolation onViolation) {
        Objects.requireNonNull(onViolation, "onViolation is null; expected one of record, throw, log");
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth);
    }

    /** A copy with the given provenance level. */
    public RuntimeConfig withProvenance(Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance is null; expected one of none, light, full");
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth);
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
        return new RuntimeConfig(reportDir, onViolation, provenance, stackDepth);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RuntimeConfig)) {
            return false;
        }
        RuntimeConfig that = (RuntimeConfig) other;
        return reportDir.equals(that.reportDir) && onViolation == that.onViolation
                && provenance == that.provenance && stackDepth == that.stackDepth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportDir, onViolation, provenance, stackDepth);
    }

    @Override
    public String toString() {
        return "reportDir=" + reportDir + ", onViolation=" + onViolation.option() + ", provenance="
                + provenance.option() + ", stackDepth=" + stackDepth;
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
