package io.devmsan.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Scenarios for a JVM whose agent runs with {@code onViolation=throw}, started by
 * {@link ThrowModeIT}: {@link #main} runs them through EngineTestKit and prints one line per
 * result, {@code PASSED name} or {@code FAILED name: first line of the message}.
 */
final class ThrowModeScenarios {

    private ThrowModeScenarios() {
    }

    public static void main(String[] args) {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Scenarios.class)).execute()
                .testEvents();
        events.succeeded().stream().forEach(e -> System.out.println("PASSED " + e.getTestDescriptor().getDisplayName()));
        events.failed().stream().forEach(e -> {
            Throwable thrown = e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
            System.out.println("FAILED " + e.getTestDescriptor().getDisplayName() + ": "
                    + thrown.getClass().getSimpleName() + ": " + thrown.getMessage().lines().findFirst().orElse(""));
        });
    }

    @DevmsanTest
    static class Scenarios {
        @Test
        @ExpectViolation(rule = "use-after-unbind", resource = "ScopedHolder#context")
        void expectedErrorIsSwallowed() {
            ExtensionScenarios.unboundHolder().readContext();
        }

        @Test
        void unexpectedErrorFailsTheTest() {
            ExtensionScenarios.unboundContext().bump();
        }
    }
}
