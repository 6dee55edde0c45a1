package io.devmsan.samples.drvdata.refcounted;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressTarget;
import org.junit.jupiter.api.Test;

/** Refcounted private data holds under real concurrency: reads and writes racing unbind run or fail with -ENODEV. */
class RefcountedStressTest {

    static final int CYCLES = 30;

    @Test
    void readsAndWritesRacingUnbindAndRebindStayCleanAndFailWithEnodev() throws Exception {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
        StressHarness.assertClean(new RefcountedTarget(RefcountedPlatform.boot()), CYCLES);
    }

    /** The data register behind {@code /dev/refcdev<id>}: 4-byte writes and reads. */
    static final class RefcountedTarget implements StressTarget {
        private final RefcountedPlatform platform;

        RefcountedTarget(RefcountedPlatform platform) {
            this.platform = platform;
        }

        @Override
        public File open() {
            return Devtmpfs.open(platform.nodePath());
        }

        @Override
        public long operate(File file, int n) {
            byte[] buf = {(byte) n, (byte) (n >> 8), 0, 1};
            return n % 2 == 0 ? file.write(buf, 4) : file.read(buf, 4);
        }

        @Override
        public int unbind() {
            return platform.bus().unbind(platform.device());
        }

        @Override
        public int rebind() {
            return platform.bus().bind(platform.device());
        }

        @Override
        public boolean accepted(long result) {
            return result == 4 || result == -Errno.ENODEV;
        }

        @Override
        public boolean gone(long result) {
            return result == -Errno.ENODEV;
        }

        @Override
        public void shutdown() {
            platform.shutdown();
        }
    }
}
