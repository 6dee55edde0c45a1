package io.devmsan.samples.xyz.hostbounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.Device;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressTarget;
import io.devmsan.samples.xyz.XyzDriver;
import io.devmsan.samples.xyz.XyzPlatform;
import io.devmsan.samples.xyz.XyzUapi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** xyz-host-bounded-cdev under the agent: the same ioctl as xyz-devm-ioctl, never run after unbind. */
class HostBoundedTest {

    static final int CYCLES = 30;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }


    @Test
    void theHostsDevresDeletesTheCdevRemoveDoesNot() {
        XyzPlatform platform = XyzPlatform.boot(XyzDriver.CdevRegistration.DEVM_CDEV_DEVICE_ADD);
        try {
            Device pdev = platform.device();
            assertTrue(pdev.devres().names().contains("devm_action"), "devm_cdev_device_add registered its action");
            String path = platform.nodePath();
            assertEquals(0, platform.bus().unbind(pdev));
            assertTrue(!Devtmpfs.list().contains(path), "the node is gone after unbind");
        } finally {
            platform.shutdown();
        }
    }

    @Test
    void ioctlsAndPollsRacingUnbindAndRebindStayCleanAndFailWithEnxio() throws Exception {
        XyzPlatform platform = XyzPlatform.boot(XyzDriver.CdevRegistration.DEVM_CDEV_DEVICE_ADD);
        StressHarness.assertClean(new XyzTarget(platform), CYCLES);
    }

    /** The xyz node (a new name at every bind); ioctls and poll in turn. */
    static final class XyzTarget implements StressTarget {
        private final XyzPlatform platform;

        XyzTarget(XyzPlatform platform) {
            this.platform = platform;
        }

        @Override
        public File open() {
            return Devtmpfs.open(platform.nodePath());
        }

        @Override
        public long operate(File file, int n) {
            switch (n % 3) {
                case 0:
                    return file.ioctl(XyzUapi.XYZ_IOC_COUNT, 0);
                case 1:
                    return file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0);
                default:
                    return file.poll();
            }
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
            return result >= 0 || result == -Errno.ENXIO;
        }

        @Override
        public boolean gone(long result) {
            return result == -Errno.ENXIO;
        }

        @Override
        public void shutdown() {
            platform.shutdown();
        }
    }
}
