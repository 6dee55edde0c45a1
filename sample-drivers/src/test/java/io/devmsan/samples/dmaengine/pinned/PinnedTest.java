package io.devmsan.samples.dmaengine.pinned;

import io.devmsan.samples.dmaengine.DmaMachine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import io.devmsan.samples.dmaengine.DmaCopyUapi;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 under the agent: a pinned module does not keep the provider bound, and every consumer
 * call after the unbind is a use after unbind in the provider, reported with its entry point.
 */
class PinnedTest {

    private static final int LEN = 64;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void everyConsumerCallAfterTheProviderUnbindIsReportedAtItsEntryPoint() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        DmaMachine platform = PinnedPlatform.boot();
        File file = Devtmpfs.open(platform.consumerNode());
        int rmmod;
        long after;
        try {
            assertEquals(LEN, file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN));
            rmmod = platform.module().unload();
            assertEquals(0, platform.bus().unbind(platform.provider()));
            after = file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN);
        } finally {
            file.close();
            platform.shutdown();
        }
        assertEquals(-Errno.EWOULDBLOCK, rmmod, "the channel pins the provider's module");
        assertEquals(LEN, after, "the copy ran on freed state and looked fine");

        List<Violation> found = Devmsan.since(before);
        Map<String, Violation> byEntry = new TreeMap<>();
        for (Violation v : found) {
            byEntry.put(v.entryPoint(), v);
        }
        assertEquals(List.of("dma_async_issue_pending", "dma_release_channel", "dmaengine_prep_dma_memcpy",
                "dmaengine_submit", "dmaengine_tx_status"), List.copyOf(byEntry.keySet()), () -> texts(found));
        assertEquals(5, found.size(), () -> texts(found));
        for (Violation v : found) {
            assertEquals("use-after-unbind", v.rule(), v::toText);
            assertEquals(PinnedDmaOps.class.getName() + "#priv", v.resource(), v::toText);
            // The recorder keeps a fingerprint's first occurrence, which may be an earlier story's device.
            assertTrue(v.device().startsWith(PinnedDmaDriver.NAME + "."), v::toText);
            assertEquals(PinnedDmaOps.class.getName(), v.accessClass(), v::toText);
            Violation.FileOperation op = v.fileOperation();
            assertNotNull(op, "the consumer call came from a file operation on the consumer: " + v.toText());
        }
        assertEquals("ioctl", byEntry.get("dmaengine_prep_dma_memcpy").fileOperation().name());
        assertEquals("prepMemcpy", byEntry.get("dmaengine_prep_dma_memcpy").accessMethod());
        assertEquals("release", byEntry.get("dma_release_channel").fileOperation().name());
        assertEquals("freeChanResources", byEntry.get("dma_release_channel").accessMethod());
    }

    @Test
    void theStoryReportsTheSameFiveCalls() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        PinnedStory.pinnedModuleUnboundDevice();
        List<Violation> found = Devmsan.since(before);
        assertEquals(5, found.size(), () -> texts(found));
    }

    @Test
    void copiesWhileTheProviderIsBoundAreClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        DmaMachine platform = PinnedPlatform.boot();
        File file = Devtmpfs.open(platform.consumerNode());
        try {
            for (int len = 1; len <= DmaCopyUapi.MAX_COPY; len *= 4) {
                assertEquals(len, file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, len));
            }
        } finally {
            file.close();
        }
        assertEquals(0, platform.module().refcount(), "closing released the channel and the module");
        platform.shutdown();

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
