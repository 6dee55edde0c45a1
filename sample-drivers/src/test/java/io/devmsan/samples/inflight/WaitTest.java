package io.devmsan.samples.inflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import io.devmsan.samples.userspace.UserThread;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 003 under the agent: the ioctl that slept across the unbind is reported as in flight across it. */
class WaitTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void theSleepingIoctlResumesIntoTheFreedContextInFlightAcrossTheUnbind() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        WaitPlatform platform = WaitPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        long woken;
        try {
            UserThread<Long> sleeper = UserThread.start("sleeper", () -> file.ioctl(WaitFileOps.WAIT_IOC_WAIT, 0));
            sleeper.awaitBlocked();
            assertTrue(sleeper.isAlive());
            assertEquals(0, platform.bus().unbind(platform.device()));
            woken = sleeper.join();
        } finally {
            file.close();
            platform.shutdown();
        }
        assertEquals(0, woken, "the stale count from the freed context");

        List<Violation> found = Devmsan.since(before);
        assertEquals(1, found.size(), () -> texts(found));
        Violation violation = found.get(0);
        assertEquals("use-after-unbind", violation.rule(), violation::toText);
        assertEquals(WaitContext.class.getName() + "#events", violation.resource(), violation::toText);
        // The recorder keeps a fingerprint's first occurrence, which may be an earlier story's.
        assertTrue(violation.device().startsWith(WaitDriver.NAME + "."), violation::toText);
        assertTrue(violation.thread().endsWith("sleeper"), violation::toText);
        assertEquals(WaitFileOps.class.getName(), violation.accessClass(), violation::toText);
        Violation.FileOperation op = violation.fileOperation();
        assertNotNull(op, violation::toText);
        assertEquals("ioctl", op.name(), violation::toText);
        assertTrue(op.inFlightAcrossUnbind(), violation::toText);
        assertTrue(op.openedBeforeUnregister(), violation::toText);
        assertTrue(violation.toText().contains("the operation was already running when the unbind completed"),
                violation::toText);
    }

    @Test
    void aPostedEventWakesTheWaiterWhileBoundAndIsClean() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        WaitPlatform platform = WaitPlatform.boot();
        File waiterFile = Devtmpfs.open(platform.nodePath());
        File posterFile = Devtmpfs.open(platform.nodePath());
        long woken;
        try {
            UserThread<Long> sleeper = UserThread.start("sleeper",
                    () -> waiterFile.ioctl(WaitFileOps.WAIT_IOC_WAIT, 0));
            sleeper.awaitBlocked();
            assertEquals(1, posterFile.ioctl(WaitFileOps.WAIT_IOC_POST, 0));
            woken = sleeper.join();
        } finally {
            waiterFile.close();
            posterFile.close();
        }
        assertEquals(0, platform.bus().unbind(platform.device()));
        platform.shutdown();

        assertEquals(1, woken);
        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
