package io.devmsan.samples.modunload.counted;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressTarget;
import org.junit.jupiter.api.Test;

/**
 * The entrance/exit counters hold under real concurrency: requests racing rmmod and insmod are
 * served or fail with -ENODEV, and no caller is ever inside the image when it is unmapped.
 */
class CountedStressTest {

    static final int CYCLES = 30;

    @Test
    void requestsRacingRmmodAndInsmodStayCleanAndFailWithEnodev() throws Exception {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
        StressHarness.assertClean(new CountedTarget(CountedPlatform.boot()), CYCLES);
    }

    /** {@code /dev/counted<id>}; the unbind is an rmmod, the rebind an insmod of a new image. */
    static final class CountedTarget implements StressTarget {
        private final CountedPlatform platform;

        CountedTarget(CountedPlatform platform) {
            this.platform = platform;
        }

        @Override
        public File open() {
            return Devtmpfs.open(platform.nodePath());
        }

        @Override
        public long operate(File file, int n) {
            return file.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, n);
        }

        @Override
        public int unbind() {
            return platform.rmmod();
        }

        @Override
        public int rebind() {
            return platform.insmod();
        }

        @Override
        public boolean accepted(long result) {
            return result >= 1 || result == -Errno.ENODEV;
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
