package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.samples.dmaengine.DmaMachine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import io.devmsan.samples.dmaengine.DmaCopyUapi;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 004's cure under the agent: consumer copies after the provider's unbind fail cleanly. */
class GracefulTest {

    private static final int LEN = 64;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void copiesAfterTheProviderUnbindFailWithEnodevAndAreClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        DmaMachine platform = GracefulPlatform.boot();
        File file = Devtmpfs.open(platform.consumerNode());
        long after;
        int reopen;
        try {
            assertEquals(LEN, file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN));
            assertEquals(0, platform.bus().unbind(platform.provider()));
            after = file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN);
            reopen = assertThrows(ErrnoException.class, () -> Devtmpfs.open(platform.consumerNode())).errno();
        } finally {
            file.close();
            platform.shutdown();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
        assertEquals(-Errno.ENODEV, after, Errno.name(after));
        assertEquals(-Errno.ENODEV, reopen, "no provider, no channel");
    }

    @Test
    void theProviderStateLivesUntilTheLastChannelIsReleased() {
        DmaMachine platform = GracefulPlatform.boot();
        GracefulDmaPriv priv = platform.provider().getDrvdata(GracefulDmaPriv.class);
        File file = Devtmpfs.open(platform.consumerNode());

        assertEquals(0, platform.bus().unbind(platform.provider()));
        assertFalse(priv.released, "the consumer's channel holds the DMA device");
        assertEquals(1, platform.module().refcount(), "and the provider's module");
        file.close();
        assertTrue(priv.released, "device_release ran at the last put");
        assertEquals(0, platform.module().refcount());
        platform.shutdown();
    }

    @Test
    void aRebindOffersNewChannelsToNewOpens() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        DmaMachine platform = GracefulPlatform.boot();
        try {
            assertEquals(0, platform.bus().unbind(platform.provider()));
            assertEquals(0, platform.bus().bind(platform.provider()));
            File file = Devtmpfs.open(platform.consumerNode());
            assertEquals(LEN, file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN));
            file.close();
        } finally {
            platform.shutdown();
        }
        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
