package io.devmsan.samples.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.Map;

/**
 * What a stress run did: whether it ended in time (else the live threads' stacks), how many
 * operations were invoked and returned, each result value and how often, how often the device was
 * seen gone, the cycles completed, unexpected exceptions and the agent's violations.
 */
public record StressResult(boolean finished, String stacks, long invoked, long returned,
        Map<Long, Long> results, long gone, long cycles, List<String> failures, List<Violation> violations) {

    /**
     * The verdict for a clean scenario: ended by itself, no violation, no unexpected exception, no
     * lost result, only documented results, every cycle done, and (when the target signals it) at
     * least one operation that found its device gone, so unbind really raced open files.
     */
    public void assertCleanUnder(StressTarget target, int cycles) {
        assertTrue(finished, () -> "deadlock or livelock: threads still running\n" + stacks);
        assertTrue(violations.isEmpty(), () -> "violations under stress:\n" + texts());
        assertTrue(failures.isEmpty(), () -> "unexpected failures: " + failures);
        assertEquals(invoked, returned, "an operation's result was lost");
        assertEquals(cycles, this.cycles, "not every unbind/rebind cycle completed");
        for (Long result : results.keySet()) {
            assertTrue(target.accepted(result), () -> "undocumented result " + result + " in " + results);
        }
        assertTrue(invoked > 0, "no operation ran");
        if (target.signalsGone()) {
            assertTrue(gone > 0, () -> "no operation found its device gone; results " + results);
        }
    }

    private String texts() {
        StringBuilder out = new StringBuilder();
        violations.forEach(v -> out.append(v.toText()).append('\n'));
        return out.toString();
    }
}
