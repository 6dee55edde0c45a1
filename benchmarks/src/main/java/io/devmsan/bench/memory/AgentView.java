package io.devmsan.bench.memory;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;

/**
 * The agent's public API, in a class of its own so that a run without the agent (where the API's
 * classes do not exist) never loads it.
 */
final class AgentView {

    private AgentView() {
    }

    static boolean installed() {
        return Devmsan.isInstalled();
    }

    /** Distinct violations (fingerprints) recorded so far. */
    static int distinct() {
        return Devmsan.violations().size();
    }

    /** Occurrences recorded so far, over every fingerprint kept. */
    static long occurrences() {
        long total = 0;
        List<Violation> all = Devmsan.violations();
        for (Violation violation : all) {
            total += violation.count();
        }
        return total;
    }
}
