package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.ExplorerHooks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fence marks woven for the explorer: a blocking attempt at the entry of every method that may
 * wait ({@code @Fence.Enter}, {@code @Fence.Synchronize}), once even when a method is both.
 */
class FenceWeavingTest extends RewriteTestBase {

    private final List<String> events = new ArrayList<>();

    @AfterEach
    void disarm() {
        ExplorerHooks.disarm();
    }

    private Object armedFences() throws Exception {
        Object fences = newFixture("FakeFences");
        ExplorerHooks.arm((event, subject, site) -> {
            if (subject == fences) {
                events.add(event + " " + ExplorerHooks.site(site).methodName());
            }
        });
        return fences;
    }

    @Test
    void aLockThatIsBothSidesReportsOneAttemptThenItsEnterAndSynchronize() throws Throwable {
        Object fences = armedFences();
        call(fences, "lock");
        call(fences, "unlock");
        assertEquals(List.of("FENCE_ATTEMPT lock", "FENCE_SYNCHRONIZE lock", "FENCE_ENTER lock", "FENCE_EXIT unlock"),
                events);
    }

    @Test
    void aSynchronizeSideReportsItsAttemptAtEntry() throws Throwable {
        Object fences = armedFences();
        call(fences, "downWrite");
        assertEquals(List.of("FENCE_ATTEMPT downWrite", "FENCE_SYNCHRONIZE downWrite"), events);
    }

    @Test
    void aFailedTryReportsTheAttemptButNoReadSide() throws Throwable {
        Object fences = armedFences();
        call(fences, "lock");
        events.clear();
        assertEquals(false, call(fences, "tryDownRead"));
        call(fences, "unlock");
        assertEquals(true, call(fences, "tryDownRead"));
        assertEquals(List.of("FENCE_ATTEMPT tryDownRead", "FENCE_EXIT unlock", "FENCE_ATTEMPT tryDownRead",
                "FENCE_ENTER tryDownRead"), events);
    }

    @Test
    void nothingIsReportedWhileDisarmed() throws Throwable {
        Object fences = newFixture("FakeFences");
        ExplorerHooks.arm((event, subject, site) -> events.add(event.name()));
        ExplorerHooks.disarm();
        call(fences, "lock");
        call(fences, "unlock");
        assertEquals(List.of(), events);
    }
}
