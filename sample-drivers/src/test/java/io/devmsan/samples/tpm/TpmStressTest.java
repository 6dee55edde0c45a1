package io.devmsan.samples.tpm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressTarget;
import org.junit.jupiter.api.Test;

/** The strong fence holds under real concurrency: writes racing unbind either run or fail with -EPIPE. */
class TpmStressTest {

    static final int CYCLES = 30;

    @Test
    void writesReadsAndPollsRacingUnbindAndRebindStayCleanAndFailWithEpipe() throws Exception {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
        StressHarness.assertClean(new TpmTarget(TpmPlatform.boot()), CYCLES);
    }

    /** The TPM character device: one opener at a time; a command is a write then a read. */
    static final class TpmTarget implements StressTarget {
        private static final byte[] COMMAND = {(byte) 0x80, 0x01, 0, 0, 0, 12, 0, 0, 1, 0x44, 0, 0};
        private final TpmPlatform platform;

        TpmTarget(TpmPlatform platform) {
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
                    return file.write(COMMAND, COMMAND.length);
                case 1:
                    return file.read(new byte[64], 64);
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
            return result >= 0 || result == -Errno.EPIPE || result == -Errno.EBUSY;
        }

        @Override
        public boolean gone(long result) {
            return result == -Errno.EPIPE;
        }

        @Override
        public void shutdown() {
            platform.shutdown();
        }
    }
}
