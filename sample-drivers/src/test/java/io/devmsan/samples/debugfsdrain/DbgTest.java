package io.devmsan.samples.debugfsdrain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.debugfs.Debugfs;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.runner.Machine;
import io.devmsan.samples.stress.MachineTarget;
import io.devmsan.samples.stress.StressHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** debugfs-drain under the agent: removal drains the handlers before devres frees the context. */
class DbgTest {

    static final int CYCLES = 30;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }


    @Test
    void readsWritesAndPollsRacingUnbindAndRebindStayCleanAndFailWithEio() throws Exception {
        StressHarness.assertClean(new DbgTarget(Machine.boot(new DbgDriver())), CYCLES);
    }

    /** The debugfs file (same path across rebinds); read, write and poll in turn. */
    static final class DbgTarget extends MachineTarget {
        DbgTarget(Machine machine) {
            super(machine);
        }

        @Override
        public File open() {
            return Debugfs.open(DbgDriver.debugfsPath(machine.device()));
        }

        @Override
        public long operate(File file, int n) {
            switch (n % 3) {
                case 0:
                    return file.write(new byte[] {1, 2, 3, 4}, 4);
                case 1:
                    return file.read(new byte[4], 4);
                default:
                    return file.poll();
            }
        }

        @Override
        public boolean accepted(long result) {
            return result >= 0 || result == -Errno.EIO;
        }

        @Override
        public boolean gone(long result) {
            return result == -Errno.EIO;
        }
    }
}
