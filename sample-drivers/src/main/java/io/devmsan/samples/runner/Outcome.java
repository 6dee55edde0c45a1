package io.devmsan.samples.runner;

import java.util.List;

/**
 * What happened when a scenario's story ran under the agent.
 *
 * @param scenario the scenario
 * @param observed the observed verdict
 * @param error why the story failed when {@code observed} is {@link Verdict#ERROR}, else null
 * @param violationTexts each violation in short (see AgentObserver#summary); the full reports are the agent's
 * @param violationJsons each violation as one JSON object
 */
public record Outcome(Scenario scenario, Verdict observed, String error, List<String> violationTexts,
        List<String> violationJsons) {

    /** Copies the lists. */
    public Outcome {
        violationTexts = List.copyOf(violationTexts);
        violationJsons = List.copyOf(violationJsons);
    }

    /** True when the observed verdict is the expected one. */
    public boolean ok() {
        return observed == scenario.expected();
    }
}
