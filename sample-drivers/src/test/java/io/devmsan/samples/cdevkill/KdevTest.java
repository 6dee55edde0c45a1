package io.devmsan.samples.cdevkill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.runner.Machine;
import io.devmsan.samples.stress.MachineTarget;
import io.devmsan.samples.stress.StressHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** cdev-kill under the agent: the kill runs every release while bound; nothing reaches freed state. */
class KdevTest {

    static final int CYCLES = 30;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }


    @Test
    void theKillRunsTheReleaseOfEveryOpenFileDuringUnbind() {
        Machine machine = Machine.boot(new KdevDriver());
        try {
            KdevContext ctx = machine.device().getDrvdata(KdevContext.class);
            File file = Devtmpfs.open(machine.nodePath());
            assertEquals(1, ctx.openFiles.get());
            // remove() checks that the kill left no open file, or the unbind would throw.
            assertEquals(0, machine.unbind());
            assertEquals(-Errno.EIO, file.ioctl(0, 0));
            assertEquals(0, file.close());
        } finally {
            machine.shutdown();
        }
    }

    @Test
    void readsWritesAndPollsRacingUnbindAndRebindStayCleanAndFailWithEio() throws Exception {
        StressHarness.assertClean(new KdevTarget(Machine.boot(new KdevDriver())), CYCLES);
    }

    /** Any number of openers; read, write, ioctl and poll in turn. */
    static final class KdevTarget extends MachineTarget {
        KdevTarget(Machine machine) {
            super(machine);
        }

        @Override
        public long operate(File file, int n) {
            switch (n % 4) {
                case 0:
                    return file.write(new byte[] {1}, 1);
                case 1:
                    return file.read(new byte[4], 4);
                case 2:
                    return file.ioctl(0, 0);
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
