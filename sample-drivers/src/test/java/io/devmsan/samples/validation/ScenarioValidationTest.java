package io.devmsan.samples.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import io.devmsan.samples.runner.Scenario;
import io.devmsan.samples.runner.Scenarios;
import io.devmsan.samples.runner.Verdict;
import io.devmsan.samples.validation.ExpectationMarkers.Marker;
import io.devmsan.samples.validation.ExpectationMarkers.Place;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus stays honest: for every scenario, the agent flags exactly the lines marked
 * {@code // devmsan: expect <rule>} for it, with that rule. An extra report fails, a missing one
 * fails, and the declared verdict must agree with the markers. An explored scenario's story is its
 * exploration, so its findings ({@code unbind-race}, {@code unbind-hang}, {@code unfenced-access})
 * are checked here too; for the others they are the corpus exploration test's.
 */
class ScenarioValidationTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAgentFlagsExactlyTheMarkedLines(Scenario scenario) throws Exception {
        Set<Place> expected = new TreeSet<>(ExpectationMarkers.forScenario(scenario.id(), scenario.home()));
        if (!scenario.explores()) {
            // Played once, a story cannot race; the exploration rules are the corpus exploration test's.
            expected.removeIf(place -> ExpectationMarkers.EXPLORATION_RULES.contains(place.rule()));
        }
        assertEquals(scenario.expected() != Verdict.CLEAN, !expected.isEmpty(),
                scenario.id() + " declares " + scenario.expected() + " but its markers are " + expected);

        Devmsan.Snapshot before = Devmsan.snapshot();
        scenario.story().run();
        List<Violation> found = Devmsan.since(before);

        Set<Place> flagged = new TreeSet<>();
        StringBuilder reports = new StringBuilder();
        for (Violation violation : found) {
            flagged.add(ExpectationMarkers.placeOf(violation));
            reports.append('\n').append(violation.toText());
        }
        assertEquals(expected, flagged, () -> scenario.id() + ": marked lines vs flagged lines" + reports);
    }

    @Test
    void everyMarkerBelongsToARegisteredScenario() {
        for (Marker marker : ExpectationMarkers.all()) {
            boolean claimed = Scenarios.all().stream().anyMatch(s -> ExpectationMarkers
                    .forScenario(s.id(), s.home()).contains(new Place(
                            ExpectationMarkers.SOURCES.relativize(marker.file).toString(), marker.line, marker.rule)));
            assertTrue(claimed, "marker at " + marker.file + ":" + marker.line + " belongs to no scenario"
                    + (marker.scenarios.isEmpty() ? "" : " (names " + marker.scenarios + ")"));
        }
    }
}
