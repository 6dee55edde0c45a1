package io.devmsan.runtime;

/**
 * Thrown at the access when the runtime is configured with
 * {@link RuntimeConfig.OnViolation#THROW}: an {@link Error}, not an exception, so that driver
 * code catching {@code Exception} does not swallow it. Its message is the text report.
 */
public final class DevmsanViolationError extends Error {

    private static final long serialVersionUID = 1L;

    /** Not serialized: a deserialized error keeps its message only. */
    private final transient Violation violation;

    DevmsanViolationError(Violation violation) {
        super(violation.toText());
        this.violation = violation;
    }

    /** The violation (its first occurrence's details), or null after deserialization. */
    public Violation violation() {
        return violation;
    }
}
