package io.devmsan.samples.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.explore.ExplorationResult;
import io.devmsan.explore.FailingSchedule;
import io.devmsan.explore.UnbindExplorer;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import io.devmsan.samples.runner.Explorations;
import io.devmsan.samples.runner.Scenario;
import io.devmsan.samples.runner.Scenarios;
import io.devmsan.samples.runner.Verdict;
import io.devmsan.samples.validation.ExpectationMarkers.Place;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the corpus under the unbind explorer and the fence analysis: a buggy scenario
 * has a failing schedule (a violation, or a hang where it declares one), a clean one has none, and
 * the places the exploration and the analysis flag ({@code unbind-race}, {@code unbind-hang},
 * {@code unfenced-access}) are exactly the places marked for them. Explored scenarios use their own
 * exploration; the others are explored as they are, story and all ({@link ClosedStoryExplorer}).
 */
class CorpusExplorationTest {

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
    void explorationAndFenceAnalysisFlagExactlyTheMarkedPlaces(Scenario scenario) {
        UnbindExplorer<?> explorer = scenario.exploration() != null
                ? Explorations.explorer(scenario.exploration(), scenario.id())
                : ClosedStoryExplorer.of(scenario);
        ExplorationResult result = explorer.withProgress(System.out::println).run();
        String report = "\n" + result.report();

        switch (scenario.expected()) {
            case CLEAN:
                assertEquals(List.of(), result.failing(), scenario.id() + " is clean but schedules failed" + report);
                break;
            case HANG:
                assertTrue(result.hangs() > 0, scenario.id() + " declares a hang but no schedule hung" + report);
                break;
            default:
                assertTrue(result.violations() > 0, scenario.id() + " is buggy but no schedule violated" + report);
        }
        assertEquals(null, result.budgetNote(), scenario.id() + " did not explore every schedule" + report);

        Set<Place> flagged = new TreeSet<>();
        for (FailingSchedule schedule : result.failing()) {
            flagged.add(ExpectationMarkers.placeOf(schedule.finding()));
        }
        for (Violation unfenced : result.unfencedAccesses()) {
            flagged.add(ExpectationMarkers.placeOf(unfenced));
        }
        Set<Place> marked = new TreeSet<>(ExpectationMarkers.forScenario(scenario.id(), scenario.home()));
        marked.removeIf(place -> !ExpectationMarkers.EXPLORATION_RULES.contains(place.rule()));
        assertEquals(marked, flagged, scenario.id() + ": places marked for the exploration rules vs flagged" + report);
        if (scenario.expected() == Verdict.CLEAN) {
            assertEquals(List.of(), result.storyViolations(), scenario.id() + " is clean but its story violates" + report);
        }
    }
}
