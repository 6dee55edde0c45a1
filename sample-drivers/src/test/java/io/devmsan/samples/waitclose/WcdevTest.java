package io.devmsan.samples.waitclose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.samples.runner.Machine;
import io.devmsan.samples.stress.MachineTarget;
import io.devmsan.samples.stress.StressHarness;
import io.devmsan.samples.stress.StressResult;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rwsem-wait-close under the agent: unbind waits for every open file to be closed, so operations
 * never see the device gone; they only ever run against live state.
 */
class WcdevTest {

    static final int CYCLES = 30;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }


    /**
     * Workers close each file after a bounded number of operations (the harness does), and a closed
     * node cannot be reopened once unbind started, so every unbind ends. Evidence that unbind really
     * waited for open files: operations that completed while an unbind was in progress.
     */
    @Test
    void readsAndWritesRacingUnbindAndRebindStayCleanAndUnbindWaitsForTheirFiles() throws Exception {
        WcdevTarget target = new WcdevTarget(Machine.boot(new WcdevDriver()));
        StressResult result = StressHarness.assertClean(target, CYCLES);
        assertTrue(target.servedWhileUnbinding.get() > 0,
                () -> "no operation ran while an unbind waited; results " + result.results());
    }

    /** Any number of openers, each closing on its own thread; read and write in turn. */
    static final class WcdevTarget extends MachineTarget {
        final AtomicLong servedWhileUnbinding = new AtomicLong();
        private volatile boolean unbinding;

        WcdevTarget(Machine machine) {
            super(machine);
        }

        @Override
        public long operate(File file, int n) {
            boolean during = unbinding;
            long result = n % 2 == 0 ? file.write(new byte[] {1, 2, 3, 4}, 4) : file.read(new byte[4], 4);
            if (during && unbinding && result >= 0) {
                servedWhileUnbinding.incrementAndGet();
            }
            return result;
        }

        @Override
        public int unbind() {
            unbinding = true;
            try {
                return super.unbind();
            } finally {
                unbinding = false;
            }
        }

        @Override
        public boolean accepted(long result) {
            return result >= 0;
        }

        @Override
        public boolean gone(long result) {
            return false;
        }

        @Override
        public boolean signalsGone() {
            return false;
        }
    }
}
