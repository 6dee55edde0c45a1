package io.devmsan.samples.gpio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.gpio.GpioDevice;
import io.devmsan.kernel.gpio.GpioUapi;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressResult;
import io.devmsan.samples.stress.StressTarget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Numbing holds under real concurrency: line operations racing unbind and rebind succeed or do nothing. */
class GpioStressTest {

    static final int CYCLES = 30;

    @Test
    void lineOperationsRacingUnbindAndRebindStayCleanAndOnlyEverSucceed() throws Exception {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
        GpioTarget target = new GpioTarget(GpioPlatform.boot());
        try {
            StressResult result = StressHarness.run(target, 4, CYCLES, Duration.ofSeconds(30));
            result.assertCleanUnder(target, CYCLES);
            // Numbed results look like a quiet chip, so count the operations that began on a
            // numbed device instead: they prove that unbind raced open files.
            assertTrue(target.numbed.get() > 0, () -> "no operation ran on a numbed device; " + result.results());
        } finally {
            target.shutdown();
        }
    }

    /** The controller's GPIO chip file: set, get, chip info; a numbed file looks like a quiet chip. */
    static final class GpioTarget implements StressTarget {
        private final GpioPlatform platform;
        final AtomicLong numbed = new AtomicLong();

        GpioTarget(GpioPlatform platform) {
            this.platform = platform;
        }

        @Override
        public File open() {
            return Devtmpfs.open(platform.nodePath());
        }

        @Override
        public long operate(File file, int n) {
            int line = n % MmioGpioChip.NGPIO;
            if (file.privateData(GpioDevice.class).isNumbed()) {
                numbed.incrementAndGet();
            }
            switch (n % 3) {
                case 0:
                    return file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(line, n & 1));
                case 1:
                    return file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, line);
                default:
                    return file.ioctl(GpioUapi.GPIO_GET_CHIPINFO_IOCTL, 0);
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
            return result == 0 || result == 1 || result == MmioGpioChip.NGPIO;
        }

        @Override
        public boolean gone(long result) {
            return false;
        }

        @Override
        public boolean signalsGone() {
            return false;
        }

        @Override
        public void shutdown() {
            platform.shutdown();
        }
    }
}
