package io.devmsan.samples.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.explore.ExploreUnbind;
import io.devmsan.explore.ExploreUnbindExtension;
import io.devmsan.explore.UnbindExploration;
import io.devmsan.samples.runner.Explorations;
import io.devmsan.samples.spidev.locked.CheckAndUseLockedStory;
import io.devmsan.samples.spidev.unlocked.CheckThenUseStory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link ExploreUnbind} as a test author uses it, and the failure it gives on a buggy driver. */
class ExploreUnbindTest {

    @ExploreUnbind(schedules = 200, seconds = 60)
    void aTransferUnderSpiLockSurvivesAnUnbindAnywhere(UnbindExploration exploration) {
        exploration.explore(Explorations.explorer(CheckAndUseLockedStory.exploration(), "spidev fixed"));
    }

    @Test
    void aBuggyDriverFailsTheTestWithTheFailingScheduleItsTableAndItsReplayId() throws Exception {
        ExploreUnbindExtension extension = new ExploreUnbindExtension();
        ExtensionContext context = context(method("buggyTransfer"));
        UnbindExploration exploration = (UnbindExploration) extension.resolveParameter(null, context);
        AssertionError failure = assertThrows(AssertionError.class, () -> extension.interceptTestMethod(
                () -> {
                    new Samples().buggyTransfer(exploration);
                    return null;
                }, null, context));
        String report = failure.getMessage();
        assertTrue(report.startsWith("devmsan explore Samples.buggyTransfer: "), report);
        assertTrue(report.contains(": VIOLATION") && report.contains("replay with -Ddevmsan.explore.replay=UNBIND@"),
                report);
        assertTrue(report.contains("[use-after-unbind] read SpiHost#txFifo"), report);
        assertTrue(report.contains("unfenced access: io.devmsan.samples.spidev.SpiHost#txFifo"), report);
    }

    @Test
    void aTestThatHandsNoExplorerIsRefusedByName() throws Exception {
        ExploreUnbindExtension extension = new ExploreUnbindExtension();
        ExtensionContext context = context(method("buggyTransfer"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> extension.interceptTestMethod(() -> null, null, context));
        assertTrue(refused.getMessage().contains("Samples.buggyTransfer")
                && refused.getMessage().contains("explore(UnbindExplorer.of("), refused.getMessage());
    }

    /** What a failing test looks like; not discovered (a nested class), driven by hand above. */
    static final class Samples {
        @ExploreUnbind(schedules = 200, seconds = 60)
        void buggyTransfer(UnbindExploration exploration) {
            exploration.explore(Explorations.explorer(CheckThenUseStory.exploration(), "spidev buggy"));
        }
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Samples.class.getDeclaredMethod(name, UnbindExploration.class);
    }

    /** The few parts of JUnit's context the extension reads: the store, the test method and class. */
    private static ExtensionContext context(Method testMethod) {
        Map<Object, Object> values = new HashMap<>();
        ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(
                ExploreUnbindTest.class.getClassLoader(), new Class<?>[] {ExtensionContext.Store.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "get":
                            return values.get(args[0]);
                        case "getOrComputeIfAbsent":
                            @SuppressWarnings("unchecked")
                            Function<Object, Object> create = (Function<Object, Object>) args[1];
                            return values.computeIfAbsent(args[0], create);
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        return (ExtensionContext) Proxy.newProxyInstance(ExploreUnbindTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getStore":
                            return store;
                        case "getRequiredTestMethod":
                            return testMethod;
                        case "getRequiredTestClass":
                            return testMethod.getDeclaringClass();
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }
}
