package io.devmsan.agent;

import io.devmsan.runtime.Log;

/**
 * The agent's messages, through the runtime's {@link Log} (slf4j when bound, else stderr). Every
 * message is one line: causes such as a {@code VerifyError} carry several lines of detail, which
 * would otherwise scatter one warning over the watched program's console.
 */
final class AgentLog {

    private final boolean debug;

    AgentLog(boolean debug) {
        this.debug = debug;
    }

    void info(String message) {
        Log.startup(oneLine(message));
    }

    /** A warning, logged the first time this exact message comes up. */
    void warnOnce(String message) {
        warnOnce(message, message);
    }

    /** A warning, logged the first time {@code key} comes up. */
    void warnOnce(String key, String message) {
        Log.warnOnce(key, oneLine(message));
    }

    void debug(String message) {
        debug(message, message);
    }

    /** A debug line (log=debug only), logged the first time {@code key} comes up. */
    void debug(String key, String message) {
        if (debug) {
            Log.warnOnce(key, "DEBUG " + oneLine(message));
        }
    }

    /** Joins the lines of {@code text} with " | ". */
    static String oneLine(String text) {
        return text == null ? "null" : text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
