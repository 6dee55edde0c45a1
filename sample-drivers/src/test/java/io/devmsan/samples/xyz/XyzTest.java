package io.devmsan.samples.xyz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 003 under the agent: the ioctl after unbind is reported once, at the read of the context pointer. */
class XyzTest {

    private XyzPlatform platform;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @AfterEach
    void shutdown() {
        if (platform != null) {
            platform.shutdown();
        }
    }

    @Test
    void ioctlAfterUnbindIsOneUseAfterUnbindOfTheContextPointer() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        platform = XyzPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        try {
            assertEquals(0, platform.bus().unbind(platform.device()));
            file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0);
        } finally {
            file.close();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(1, found.size(), () -> texts(found));
        Violation violation = found.get(0);
        assertEquals("use-after-unbind", violation.rule(), violation::toText);
        assertTrue(violation.resource().endsWith("#context"), violation::toText);
        assertEquals(1, violation.count(), violation::toText);
        assertEquals(XyzFileOps.class.getName(), violation.accessClass(), violation::toText);
        assertEquals("ioctl", violation.accessMethod(), violation::toText);
        Violation.FileOperation op = violation.fileOperation();
        assertNotNull(op, violation::toText);
        assertEquals("ioctl", op.name(), violation::toText);
        assertTrue(op.openedBeforeUnregister(), violation::toText);
    }

    @Test
    void theSameIoctlWhileBoundIsClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        platform = XyzPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        try {
            file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0);
            file.ioctl(XyzUapi.XYZ_IOC_COUNT, 0);
        } finally {
            file.close();
        }
        assertEquals(0, platform.bus().unbind(platform.device()));

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
