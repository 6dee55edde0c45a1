package io.devmsan.samples.modunload.counted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 002's proposal under the agent: rmmod with a racing open and files kept open is clean. */
class CountedUnloadTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void theRacingOpenIsRefusedAndTheUnloadIsClean() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        CountedStory.rmmodRacingOpen();
        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    @Test
    void afterRmmodOpenFilesFailWithEnodevAndANewImageServesNewOpens() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        CountedPlatform platform = CountedPlatform.boot();
        File old = Devtmpfs.open(platform.nodePath());
        long first;
        long stale;
        long fresh;
        int reopenError;
        try {
            first = old.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, 0);
            assertEquals(0, platform.rmmod());
            stale = old.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, 0);
            reopenError = assertThrows(ErrnoException.class, () -> Devtmpfs.open(platform.nodePath())).errno();
            assertEquals(0, platform.insmod());
            File renewed = Devtmpfs.open(platform.nodePath());
            fresh = renewed.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, 0);
            renewed.close();
        } finally {
            old.close();
            platform.shutdown();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
        assertEquals(1, first);
        assertEquals(-Errno.ENODEV, stale, Errno.name(stale));
        assertEquals(-Errno.ENOENT, reopenError, "the node is gone with the module");
        assertEquals(1, fresh, "the new image starts counting afresh");
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
