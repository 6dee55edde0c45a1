package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.samples.dmaengine.DmaMachine;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.dmaengine.DmaCopyUapi;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressTarget;
import org.junit.jupiter.api.Test;

/**
 * The graceful provider holds under real concurrency: consumer copies racing the provider's unbind
 * and rebind complete and check out, or fail with -ENODEV or -EIO; never corrupt, never unsafe.
 */
class GracefulStressTest {

    static final int CYCLES = 30;

    @Test
    void copiesRacingProviderUnbindAndRebindStayCleanAndFailWithAnErrorStatus() throws Exception {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
        StressHarness.assertClean(new GracefulTarget(GracefulPlatform.boot()), CYCLES);
    }

    /** The consumer's node: each open file holds a channel; the unbind hits the provider. */
    static final class GracefulTarget implements StressTarget {
        private final DmaMachine platform;

        GracefulTarget(DmaMachine platform) {
            this.platform = platform;
        }

        @Override
        public File open() {
            return Devtmpfs.open(platform.consumerNode());
        }

        @Override
        public long operate(File file, int n) {
            return file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, 1 + n % 512);
        }

        @Override
        public int unbind() {
            return platform.bus().unbind(platform.provider());
        }

        @Override
        public int rebind() {
            return platform.bus().bind(platform.provider());
        }

        @Override
        public boolean accepted(long result) {
            return (result >= 1 && result <= 512) || gone(result);
        }

        @Override
        public boolean gone(long result) {
            return result == -Errno.ENODEV || result == -Errno.EIO;
        }

        @Override
        public void shutdown() {
            platform.shutdown();
        }
    }
}
