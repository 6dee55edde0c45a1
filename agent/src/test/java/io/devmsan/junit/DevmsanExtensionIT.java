package io.devmsan.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.devmsan.runtime.Devmsan;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The extension under the packaged agent (failsafe), driven through JUnit's EngineTestKit. */
class DevmsanExtensionIT {

    static Events run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute().testEvents();
    }

    static List<String> failureMessages(Events events) {
        return events.failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .collect(Collectors.toList());
    }

    static String onlyFailure(Events events) {
        List<String> messages = failureMessages(events);
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }

    @Test
    void theAgentIsAttachedHere() {
        assertTrue(Devmsan.isInstalled(), "failsafe runs this with -javaagent");
    }

    @Test
    void aCleanTestPasses() {
        Events events = run(ExtensionScenarios.Clean.class);
        assertEquals(1, events.succeeded().count());
        assertEquals(0, events.failed().count());
    }

    @Test
    void aViolationTheDriverSwallowedFailsTheTestWithTheReport() {
        String message = onlyFailure(run(ExtensionScenarios.Swallowed.class));
        assertTrue(message.startsWith("devmsan: 1 violation during this test:\noccurred 1 time during this test:\n"
                + "=================="), message);
        assertTrue(message.contains("BUG: devmsan: use-after-unbind in io.devmsan.fixtures.ScopedHolder.readContext("
                + "ScopedHolder.java:"), message);
        assertTrue(message.contains("SUMMARY: devmsan: use-after-unbind io.devmsan.fixtures.ScopedHolder#context"));
    }

    @Test
    void onlyTheTestDuringWhichItHappenedFails() {
        Events events = run(ExtensionScenarios.OnlyTheGuiltyTestFails.class);
        assertEquals(List.of("guilty()"), events.failed().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName()).collect(Collectors.toList()));
        assertEquals(1, events.succeeded().count());
    }

    @Test
    void expectedViolationsLetTheTestPass() {
        Events events = run(ExtensionScenarios.Expected.class);
        assertEquals(List.of(), failureMessages(events));
        assertEquals(3, events.succeeded().count());
    }

    @Test
    void anExpectedViolationThatDoesNotOccurFailsTheTest() {
        String message = onlyFailure(run(ExtensionScenarios.ExpectedButMissing.class));
        assertEquals("devmsan: expected a violation that did not occur during this test:\n"
                + "  @ExpectViolation(rule = \"use-after-unbind\", resource = \"ScopedHolder#context\")\n"
                + "  occurred: none\n", message);
    }

    @Test
    void aViolationBesidesTheExpectedOneFailsTheTest() {
        String message = onlyFailure(run(ExtensionScenarios.ExpectedPlusAnother.class));
        // The call of bump() and its read of counter are two violations.
        assertTrue(message.startsWith("devmsan: 2 violations during this test that no @ExpectViolation covers:\n"),
                message);
        assertTrue(message.contains("SUMMARY: devmsan: use-after-unbind io.devmsan.fixtures.OwnedContext#bump()"),
                message);
        assertTrue(message.contains("SUMMARY: devmsan: use-after-unbind io.devmsan.fixtures.OwnedContext#counter"),
                message);
        assertTrue(!message.contains("ScopedHolder#context (fingerprint"), "the expected one is not reported");
    }

    @Test
    void theRuleMustMatchToo() {
        String message = onlyFailure(run(ExtensionScenarios.WrongRule.class));
        assertTrue(message.startsWith("devmsan: expected a violation that did not occur during this test:\n"
                + "  @ExpectViolation(rule = \"use-after-free\", resource = \"ScopedHolder#context\")\n"
                + "  occurred: \n    use-after-unbind io.devmsan.fixtures.ScopedHolder#context\n"), message);
        assertTrue(message.contains("devmsan: 1 violation during this test that no @ExpectViolation covers:"), message);
    }
}
