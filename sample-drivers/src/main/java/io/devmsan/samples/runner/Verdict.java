package io.devmsan.samples.runner;

import java.util.Locale;

/** What a scenario's story should produce under the agent, or what it did. */
public enum Verdict {
    /** No violation. */
    CLEAN,
    /** At least one violation. */
    VIOLATION,
    /** An exploration found a schedule in which unbind and the story wait for each other forever. */
    HANG,
    /** The story itself failed (the model misbehaved); only ever observed, never expected. */
    ERROR;

    /** The lower-case name used in the table and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
