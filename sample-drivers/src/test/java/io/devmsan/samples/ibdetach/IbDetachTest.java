package io.devmsan.samples.ibdetach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.runner.Machine;
import io.devmsan.samples.stress.MachineTarget;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ib-detach-fence under the agent: files are detached at unbind, never reach freed hardware state. */
class IbDetachTest {

    static final int CYCLES = 30;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }


    @Test
    void unbindDisassociatesOpenFilesWithoutWaitingForThem() {
        Machine machine = Machine.boot(new IbHwDriver());
        try {
            IbHwContext hw = machine.device().getDrvdata(IbHwContext.class);
            UverbsDevice uverbs = hw.uverbs;
            File file = Devtmpfs.open(machine.nodePath());
            file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0);
            file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0);
            assertEquals(2, hw.qpsInUse());

            assertEquals(0, machine.unbind(), "unbind returns with the file still open");

            assertEquals(0, uverbs.openFiles(), "the open file was disassociated");
            assertEquals(-Errno.EIO, file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0));
            assertEquals(0, file.close());
        } finally {
            machine.shutdown();
        }
    }

    @Test
    void queuePairOperationsRacingUnbindAndRebindStayCleanAndFailWithEio() throws Exception {
        IbTarget target = new IbTarget(Machine.boot(new IbHwDriver()));
        try {
            StressResult result = StressHarness.run(target, 4, CYCLES, Duration.ofSeconds(30));
            result.assertCleanUnder(target, CYCLES);
            IbHwContext hw = target.machine().device().getDrvdata(IbHwContext.class);
            assertEquals(0, hw.qpsInUse(), "every closed file destroyed its queue pairs");
        } finally {
            target.shutdown();
        }
    }

    /** Any number of openers; create a QP, ring it, destroy it, read, poll, in turn. */
    static final class IbTarget extends MachineTarget {
        private final Map<File, Long> lastQp = new ConcurrentHashMap<>();

        IbTarget(Machine machine) {
            super(machine);
        }

        Machine machine() {
            return machine;
        }

        @Override
        public long operate(File file, int n) {
            Long qpn = lastQp.get(file);
            switch (n % 5) {
                case 0: {
                    long created = file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0);
                    if (created >= 0 && qpn == null) {
                        lastQp.put(file, created);
                    }
                    return created;
                }
                case 1:
                    return qpn == null ? file.read(new byte[1], 1) : file.write(new byte[] {(byte) (long) qpn}, 1);
                case 2:
                    if (qpn == null) {
                        return file.poll();
                    }
                    lastQp.remove(file);
                    return file.ioctl(UverbsFileOps.IOC_DESTROY_QP, qpn);
                case 3:
                    return file.read(new byte[1], 1);
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
