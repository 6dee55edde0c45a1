package io.devmsan.agent;

import io.devmsan.runtime.Log;

/** The agent's messages, through the runtime's {@link Log} (slf4j when bound, else stderr). */
final class AgentLog {

    private final boolean debug;

    AgentLog(boolean debug) {
        this.debug = debug;
    }

    void info(String message) {
        Log.startup(message);
    }

    /** A warning, logged the first time this exact message comes up. */
    void warnOnce(String message) {
        Log.warnOnce(message, message);
    }

    void debug(String message) {
        if (debug) {
            Log.warnOnce(message, "DEBUG " + message);
        }
    }
}
