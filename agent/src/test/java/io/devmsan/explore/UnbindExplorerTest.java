package io.devmsan.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The explorer on a simulated driver: what it stops at, what it reports, how it is bounded. */
class UnbindExplorerTest {

    private final List<String> progress = new ArrayList<>();

    private UnbindExplorer<SimMachine> explorer(Story<SimMachine> story, Injection<SimMachine> unbind) {
        return UnbindExplorer.of(SimMachine::new, story, m -> m.unbind(() -> { }))
                .withName("sim")
                .withAction(Action.UNBIND, unbind)
                .withHangTimeout(Duration.ofMillis(200))
                .withProgress(progress::add)
                .withoutAgentCheck();
    }

    /** Reads the state in a read operation without any fence. */
    private static void unfencedRead(SimMachine m) {
        m.op(SimMachine.READ, m::readState);
    }

    /** Checks the device is present and reads the state, both under the lock the removal takes. */
    private static void lockedRead(SimMachine m) {
        m.op(SimMachine.READ, () -> {
            m.lock.lock();
            try {
                if (m.present) {
                    m.readState();
                }
            } finally {
                m.lock.unlock();
            }
        });
    }

    /** The removal clears the presence under the lock before the scope is released. */
    private static void unbindTakingTheLock(SimMachine m, Object subject) {
        m.unbind(() -> {
            m.lock.lock();
            m.present = false;
            m.lock.unlock();
        });
    }

    @Test
    void anUnfencedAccessFailsTheScheduleStoppedBeforeItWithTableAndReplayId() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        ExplorationResult result = explorer(UnbindExplorerTest::unfencedRead, (m, s) -> m.unbind(() -> { })).run();

        assertTrue(result.violations() >= 1, result.report());
        FailingSchedule failing = result.failing().get(0);
        assertEquals("UNBIND@1", failing.id());
        assertEquals(Checkpoint.Kind.ENTRY, failing.checkpoint().kind());
        assertEquals("read", failing.checkpoint().operation());
        assertTrue(failing.table().contains("[stopped at #1] read file of sim."), failing.table());
        assertTrue(failing.table().contains("[use-after-unbind] read State#value"), failing.table());
        assertTrue(failing.table().contains("unbind sim."), failing.table());
        assertEquals("unbind-race", failing.finding().rule());
        assertEquals(42, failing.finding().accessLine());
        assertEquals("use-after-unbind", failing.violations().get(0).rule());
        assertEquals(1, result.unfencedAccesses().size(), result.report());

        List<String> rules = Devmsan.since(before).stream().map(Violation::rule).toList();
        assertTrue(rules.containsAll(List.of("unbind-race", "unfenced-access", "use-after-unbind")), rules.toString());
    }

    @Test
    void aReplayRunsExactlyThatScheduleAlone() {
        ExplorationResult result = explorer(UnbindExplorerTest::unfencedRead, (m, s) -> m.unbind(() -> { }))
                .withReplay("UNBIND@1").run();
        assertEquals(1, result.schedulesRun());
        assertEquals(List.of(), result.checkpoints(), "no recording run");
        assertEquals("UNBIND@1", result.failing().get(0).id());
        assertTrue(result.failing().get(0).replayHint().contains("-Ddevmsan.explore.replay=UNBIND@1"));
    }

    @Test
    void anAccessUnderTheLockTheUnbindTakesIsCleanAndTheUnbindWaitsForIt() {
        ExplorationResult result = explorer(UnbindExplorerTest::lockedRead, UnbindExplorerTest::unbindTakingTheLock)
                .run();
        assertTrue(result.clean(), result.report());
        assertTrue(result.schedulesWithBlockedAction() >= 1, result.summary());
        assertEquals(result.schedulesPlanned(), result.schedulesRun());
    }

    @Test
    void aRemovalThatDrainsReadersWhileHoldingTheirLockIsAHangWithBothStacks() {
        Story<SimMachine> read = m -> {
            if (m.ref.tryGet()) {
                try {
                    lockedRead(m);
                } finally {
                    m.ref.put();
                }
            }
        };
        Injection<SimMachine> drainUnderLock = (m, s) -> m.unbind(() -> {
            m.lock.lock();
            try {
                m.ref.killAndDrain();
            } finally {
                m.lock.unlock();
            }
        });
        ExplorationResult result = explorer(read, drainUnderLock).run();

        assertTrue(result.hangs() >= 1, result.report());
        assertEquals(0, result.violations(), result.report());
        FailingSchedule hang = result.failing().get(0);
        assertTrue(hang.hang());
        assertEquals("unbind-hang", hang.finding().rule());
        assertEquals("sim.Lock#lock()", hang.finding().resource());
        assertTrue(hang.describe().contains("story thread (blocked)") && hang.describe().contains("SimMachine$Lock.lock"),
                hang.describe());
        assertTrue(hang.describe().contains("UNBIND thread (blocked)") && hang.describe().contains("killAndDrain"),
                hang.describe());
        assertTrue(hang.table().contains("[blocked]"), hang.table());
    }

    @Test
    void budgetsStopTheExplorationAndSaySo() {
        ExplorationResult result = explorer(UnbindExplorerTest::lockedRead, UnbindExplorerTest::unbindTakingTheLock)
                .withScheduleBudget(1).run();
        assertEquals(1, result.schedulesRun());
        assertTrue(result.schedulesPlanned() > 1, result.summary());
        assertTrue(result.budgetNote().startsWith("schedule budget of 1 reached"), result.budgetNote());
        assertTrue(result.summary().contains(result.budgetNote()), result.summary());
    }

    @Test
    void checkpointsAfterTheStorysOwnUnbindAreNotExplored() {
        Story<SimMachine> story = m -> {
            m.op(SimMachine.OPEN, () -> { });
            m.unbind(() -> { });
            m.op(SimMachine.READ, m::readState);
        };
        ExplorationResult result = explorer(story, (m, s) -> m.unbind(() -> { })).run();
        assertEquals(1, result.storyViolations().size(), "the story alone reads after its own unbind");
        assertEquals(2, result.schedulesPlanned(), "only open's entry and exit: " + result.checkpoints());
        assertTrue(result.checkpoints().size() > 2, result.checkpoints().toString());
    }

    @Test
    void removalDuringOpenIsInjectedOnlyInsideOpen() {
        Story<SimMachine> story = m -> {
            m.op(SimMachine.OPEN, () -> { });
            unfencedRead(m);
        };
        ExplorationResult result = explorer(story, (m, s) -> m.unbind(() -> { }))
                .withAction(Action.DEVICE_REMOVAL_DURING_OPEN, (m, s) -> m.unbind(() -> { })).run();
        Map<Action, Integer> perAction = result.schedulesPerAction();
        assertEquals(2, perAction.get(Action.DEVICE_REMOVAL_DURING_OPEN), result.summary());
        assertEquals(4, perAction.get(Action.UNBIND), result.summary());
    }

    @Test
    void theSummaryLineCountsSchedulesViolationsAndHangs() {
        ExplorationResult result = explorer(UnbindExplorerTest::unfencedRead, (m, s) -> m.unbind(() -> { })).run();
        String summary = progress.get(progress.size() - 1);
        assertEquals(result.summary(), summary);
        assertTrue(summary.startsWith("devmsan explore sim: " + result.schedulesRun() + " of "
                + result.schedulesPlanned() + " schedules (UNBIND "), summary);
        assertTrue(summary.contains(result.violations() + " violation") && summary.contains("0 hangs"), summary);
    }

    @Test
    void badInputNamesTheOffenderAndWhatIsAccepted() {
        IllegalArgumentException replay = assertThrows(IllegalArgumentException.class,
                () -> explorer(UnbindExplorerTest::unfencedRead, (m, s) -> { }).withReplay("UNBIND-7"));
        assertTrue(replay.getMessage().contains("'UNBIND-7'") && replay.getMessage().contains("ACTION@N"),
                replay.getMessage());
        IllegalStateException noAction = assertThrows(IllegalStateException.class,
                () -> UnbindExplorer.of(SimMachine::new, UnbindExplorerTest::unfencedRead, m -> { }).run());
        assertTrue(noAction.getMessage().contains("withAction(Action.UNBIND"), noAction.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> explorer(UnbindExplorerTest::unfencedRead, (m, s) -> { }).withScheduleBudget(0));
    }

    @Test
    void withoutTheAgentItRefusesAndSaysHowToAttachIt() {
        if (Devmsan.isInstalled()) {
            return; // another test of this JVM installed the runtime: nothing to refuse
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> UnbindExplorer
                .of(SimMachine::new, UnbindExplorerTest::unfencedRead, m -> { })
                .withAction(Action.UNBIND, (m, s) -> { }).run());
        assertTrue(refused.getMessage().contains("-javaagent:"), refused.getMessage());
        assertFalse(refused.getMessage().isEmpty());
    }
}
