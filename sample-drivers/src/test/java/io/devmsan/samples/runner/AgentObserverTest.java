package io.devmsan.samples.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runner's real observer on the explored scenarios: their story is the exploration, and what
 * the agent records during it decides the verdict, a hang included.
 */
class AgentObserverTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"check-then-use-unlocked", "check-then-use-unlocked-fixed", "lookup-then-get",
        "lookup-then-get-fixed", "drain-under-lock-hang", "drain-under-lock-fixed"})
    void anExploredScenarioIsObservedAsItDeclares(String id) {
        AgentObserver observer = new AgentObserver();
        assertNull(observer.unavailable(), "the agent must be attached");
        Outcome outcome = observer.observe(Scenarios.find(id));
        assertNull(outcome.error(), id + " failed: " + outcome.error());
        assertEquals(Scenarios.find(id).expected(), outcome.observed(), id + ": " + outcome.violationTexts());
        if (outcome.observed() == Verdict.CLEAN) {
            assertEquals(List.of(), outcome.violationJsons());
        }
    }

    @Test
    void theTableGetsAShortFormThatPointsAtTheFullReport() {
        Outcome outcome = new AgentObserver().observe(Scenarios.find("xyz-devm-ioctl"));
        assertEquals(1, outcome.violationTexts().size(), outcome.violationTexts().toString());
        String text = outcome.violationTexts().get(0);
        assertTrue(text.startsWith("BUG: devmsan: use-after-unbind in io.devmsan.samples.xyz.XyzFileOps."), text);
        assertTrue(text.contains("(XyzFileOps.java:25)"), text);
        assertTrue(text.contains(" in file operation ioctl on "), text);
        assertTrue(text.contains(", opened before unregister"), text);
        assertTrue(text.contains("\n  fingerprint "), text);
        // The stacks and the timeline are the agent's full report, already on stderr: not repeated.
        assertFalse(text.contains("Lifecycle of device"), text);
        assertEquals(3, text.split("\n").length, text);
    }
}
