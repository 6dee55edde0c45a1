package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When operations start being tracked, and what a report says about an operation that was
 * already running then: it is found on the call stack, its file inferred from the device's files.
 */
class OperationTrackingTest extends CharDeviceTest {

    /** Enters and leaves one operation; returns whether it was tracked. */
    private static boolean tracked(Object file) {
        Object operations = DevmsanRuntime.operationEnter(file, Model.IOCTL);
        DevmsanRuntime.operationExit(operations, Model.IOCTL);
        return operations != null;
    }

    private static void inThread(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "second");
        thread.start();
        thread.join();
        assertNull(failure.get());
    }

    @Test
    void operationsOfTheOnlyThreadUsingTheModelAreNotTracked() {
        probeWithCdev();
        Thing file = open("file");
        assertFalse(tracked(file));
        assertFalse(tracked(file));
        assertFalse(OperationTracking.on());
    }

    @Test
    void aSecondThreadUsingTheModelBeginsTrackingOnEveryThread() throws Exception {
        probeWithCdev();
        Thing file = open("file");
        assertFalse(tracked(file));
        AtomicReference<Boolean> second = new AtomicReference<>();
        inThread(() -> second.set(tracked(file)));
        assertTrue(second.get(), "the second thread's own operation");
        assertTrue(tracked(file), "the first thread's operations from now on");
    }

    @Test
    void aCompiledLoopOfUntrackedOperationsIsTrackedAsSoonAsAnotherThreadBeginsTracking() throws Exception {
        probeWithCdev();
        Thing file = open("file");
        assertFalse(tracked(file));
        // The loop below runs long enough for C2 to compile it (OSR) before the other thread begins
        // tracking; the gate it compiled in must not go on exempting it. Nothing in the loop is a
        // memory barrier, so a gate read from a plain static would be hoisted out and never
        // re-read (checked: with one, this loop runs to its limit).
        Thread beginner = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            OperationTracking.begin();
        }, "begins tracking");
        beginner.start();
        long untracked = untrackedRunsBeforeTracking(file, 20_000_000_000L);
        beginner.join();
        assertTrue(untracked > 1_000_000, "ran untracked " + untracked + " times: not long enough to be compiled");
        assertTrue(untracked < 20_000_000_000L, "still untracked after tracking began");
        assertTrue(tracked(file));
    }

    @Test
    void onceTrackedEachThreadPushesOnItsOwnStack() throws Exception {
        probeWithCdev();
        Thing file = open("file");
        assertFalse(tracked(file));
        OperationTracking.begin();
        Object mine = DevmsanRuntime.operationEnter(file, Model.IOCTL);
        try {
            assertSame(OperationStack.current(), mine, "the solo thread's stack, from the call site");
            AtomicReference<Object> theirs = new AtomicReference<>();
            AtomicReference<Object> theirOwn = new AtomicReference<>();
            inThread(() -> {
                Object operations = DevmsanRuntime.operationEnter(file, Model.IOCTL);
                theirOwn.set(OperationStack.current());
                theirs.set(operations);
                DevmsanRuntime.operationExit(operations, Model.IOCTL);
            });
            assertSame(theirOwn.get(), theirs.get(), "another thread pushes on its own stack");
            assertNotSame(mine, theirs.get());
        } finally {
            DevmsanRuntime.operationExit(mine, Model.IOCTL);
        }
    }

    /** Operations until one is tracked, or {@code limit}. */
    private static long untrackedRunsBeforeTracking(Object file, long limit) {
        for (long i = 0; i < limit; i++) {
            if (tracked(file)) {
                return i;
            }
        }
        return limit;
    }

    @Test
    void eachEventThatCanEndALifetimeBeginsTracking() {
        Map<String, Runnable> events = new LinkedHashMap<>();
        events.put("unbind", () -> Model.unbind(device));
        events.put("cdev_del", () -> DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL));
        events.put("free", () -> DevmsanRuntime.free(new Thing("buffer"), Model.FREE));
        events.put("failed probe", () -> {
            Thing other = new Thing("xyz.1");
            DevmsanRuntime.probeEnter(other, Model.PROBE);
            DevmsanRuntime.probeExit(other, new IllegalStateException("-ENODEV"), Model.PROBE);
        });
        events.forEach((name, event) -> {
            reset(config());
            probeWithCdev();
            Thing file = open("file");
            assertFalse(tracked(file), name);
            event.run();
            assertTrue(tracked(file), "after " + name);
        });
    }

    @Test
    void fullProvenanceTracksFromTheStart() {
        reset(config().withProvenance(RuntimeConfig.Provenance.FULL));
        probeWithCdev();
        assertTrue(tracked(open("file")));
    }

    @Test
    void anOperationRunningWhenAnotherThreadUnbindsIsFoundOnTheStack() {
        Context context = probeWithCdev();
        Thing file = open("file");
        Model.File.ioctl(file, () -> {
            try {
                inThread(() -> {
                    DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
                    Model.unbind(device);
                });
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return context.readRegs();
        });
        Violation v = Devmsan.violations().get(0);
        Violation.FileOperation op = v.fileOperation();
        assertNotNull(op, v.toText());
        assertEquals("ioctl", op.name());
        assertEquals("file", op.file());
        assertEquals("xyz0", op.cdev());
        assertTrue(op.openedBeforeUnregister());
        assertTrue(op.inFlightAcrossUnbind());
        assertTrue(v.toText().contains("the operation was already running when the unbind completed"), v.toText());
    }

    @Test
    void anUnbindInsideTheOnlyThreadsOwnOperationMarksItInFlight() {
        Context context = probeWithCdev();
        Thing file = open("file");
        Model.File.ioctl(file, () -> {
            Model.unbind(device); // no cdev_del: the file is still on a registered cdev
            return context.readRegs();
        });
        Violation.FileOperation op = Devmsan.violations().get(0).fileOperation();
        assertEquals("ioctl", op.name());
        assertEquals("file", op.file());
        assertFalse(op.openedBeforeUnregister());
        assertTrue(op.inFlightAcrossUnbind());
    }

    @Test
    void anUntrackedOperationOnADeviceWithSeveralFilesNamesHowManyAndTheirCdev() {
        Context context = probeWithCdev();
        Thing first = open("first");
        open("second");
        Model.File.ioctl(first, () -> {
            DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
            Model.unbind(device);
            return context.readRegs();
        });
        Violation.FileOperation op = Devmsan.violations().get(0).fileOperation();
        assertTrue(op.file().startsWith("one of the 2 files opened on xyz0"), op.file());
        assertEquals("xyz0", op.cdev());
        assertTrue(op.openedBeforeUnregister());
        assertTrue(op.inFlightAcrossUnbind());
    }

    @Test
    void anOperationEnteredAfterTrackingBeganNamesItsOwnFile() {
        Context context = probeWithCdev();
        open("first");
        Thing second = open("second");
        Model.unbind(device);
        Model.File.ioctl(second, context::readRegs);
        Violation.FileOperation op = Devmsan.violations().get(0).fileOperation();
        assertEquals("second", op.file());
        assertFalse(op.inFlightAcrossUnbind());
    }

    @Test
    void aTrackedOperationInsideAnUntrackedOneIsTheOneReported() {
        Context context = probeWithCdev();
        Thing outer = open("outer");
        Thing inner = open("inner");
        Model.File.ioctl(outer, () -> {
            Model.unbind(device);
            return Model.inOperation(Model.READ_OP, inner, context::readRegs);
        });
        Violation.FileOperation op = Devmsan.violations().get(0).fileOperation();
        assertEquals("read", op.name());
        assertEquals("inner", op.file());
        assertFalse(op.inFlightAcrossUnbind());
    }

    @Test
    void anEntryPointRunningWhenTrackingBeganIsFoundOnTheStack() {
        Context context = probeWithCdev();
        Model.Irq.handle(device, () -> {
            Model.unbind(device);
            return context.readRegs();
        });
        Violation v = Devmsan.violations().get(0);
        assertEquals("irq", v.entryPoint());
        assertNull(v.fileOperation());
    }
}
