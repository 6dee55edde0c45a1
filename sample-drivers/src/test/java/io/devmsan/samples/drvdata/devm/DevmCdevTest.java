package io.devmsan.samples.drvdata.devm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 under the agent: the last close after unbind is one use after unbind, in release, of
 * the devm driver data.
 */
class DevmCdevTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void releaseAfterUnbindIsOneUseAfterUnbindOfTheDevmDriverData() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        DevmCdevPlatform platform = DevmCdevPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        try {
            assertEquals(1, file.ioctl(DevmCdevFileOps.DEVMCDEV_IOC_USERS, 0));
            assertEquals(0, platform.bus().unbind(platform.device()));
        } finally {
            file.close();
            platform.shutdown();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(1, found.size(), () -> texts(found));
        Violation violation = found.get(0);
        assertEquals("use-after-unbind", violation.rule(), violation::toText);
        assertEquals(DevmDrvdata.class.getName() + "#users", violation.resource(), violation::toText);
        // The recorder keeps a fingerprint's first occurrence, which may be an earlier story's device.
        assertTrue(violation.device().startsWith(DevmCdevDriver.NAME + "."), violation::toText);
        assertEquals(DevmCdevFileOps.class.getName(), violation.accessClass(), violation::toText);
        assertEquals("release", violation.accessMethod(), violation::toText);
        Violation.FileOperation op = violation.fileOperation();
        assertNotNull(op, violation::toText);
        assertEquals("release", op.name(), violation::toText);
        assertTrue(op.openedBeforeUnregister(), violation::toText);
        assertFalse(op.inFlightAcrossUnbind(), violation::toText);
        assertNull(violation.entryPoint(), violation::toText);
    }

    @Test
    void closingBeforeTheUnbindIsClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        DevmCdevPlatform platform = DevmCdevPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        file.close();
        assertEquals(0, platform.bus().unbind(platform.device()));
        platform.shutdown();

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
