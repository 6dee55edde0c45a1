package io.devmsan.samples.runner;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ScenariosTest {

    @Test
    void idsAreUniqueAndFindable() {
        List<String> ids = Scenarios.ids();
        assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
        for (Scenario scenario : Scenarios.all()) {
            assertSame(scenario, Scenarios.find(scenario.id()));
        }
        assertNull(Scenarios.find("nope"));
    }

    /** Each story must behave as the kernel would on the model alone; only the verdict needs the agent. */
    @TestFactory
    List<DynamicTest> everyStoryPlaysOnTheModelWithoutTheAgent() {
        return Scenarios.all().stream()
                .map(s -> DynamicTest.dynamicTest(s.id(), () -> assertDoesNotThrow(() -> s.story().run())))
                .toList();
    }

    @Test
    void aScenarioCannotExpectAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> new Scenario("x", "000", "p", Verdict.ERROR, Object.class, () -> { }));
        // Only an exploration can find a hang: a story played once cannot expect one.
        assertThrows(IllegalArgumentException.class,
                () -> new Scenario("x", "000", "p", Verdict.HANG, Object.class, () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> new Scenario("with blank", "000", "p", Verdict.CLEAN, Object.class, () -> { }));
    }
}
