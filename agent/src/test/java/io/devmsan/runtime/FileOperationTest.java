package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FileOperationTest extends CharDeviceTest {

    @Test
    void openedBeforeUnregisterIsTrueOnlyForFilesOpenedBeforeCdevDel() {
        Context context = probeWithCdev();
        Thing early = open("file-early");
        DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
        Thing late = open("file-late"); // a model may still hand out files on a stale cdev
        Model.unbind(device);

        Model.inOperation(Model.IOCTL, early, context::readRegs);
        Model.inOperation(Model.READ_OP, late, context::readRegs);
        Violation v = Devmsan.violations().get(0);
        Violation.FileOperation op = v.fileOperation();
        assertNotNull(op);
        assertEquals("ioctl", op.name());
        assertEquals("file-early", op.file());
        assertEquals("xyz0", op.cdev());
        assertTrue(op.openedBeforeUnregister());
        assertFalse(op.inFlightAcrossUnbind());
        assertTrue(v.toText().contains("file opened before its cdev was unregistered"), v.toText());
        assertTrue(v.toText().contains("by thread \"" + Thread.currentThread().getName()
                + "\" in file operation ioctl"), v.toText());

        // Same site, same fingerprint: the read from the late file only counted.
        assertEquals(2, v.count());
    }

    @Test
    void openedBeforeUnregisterIsFalseWhileTheCdevIsRegistered() {
        Context context = probeWithCdev();
        Thing file = open("file");
        Model.unbind(device); // a driver that forgot cdev_del
        Model.inOperation(Model.IOCTL, file, context::readRegs);
        assertFalse(Devmsan.violations().get(0).fileOperation().openedBeforeUnregister());
    }

    @Test
    void accessOutsideAnOperationHasNoFileOperation() {
        Context context = probeWithCdev();
        Model.unbind(device);
        context.readRegs();
        assertNull(Devmsan.violations().get(0).fileOperation());
        assertNull(Devmsan.violations().get(0).entryPoint());
    }

    @Test
    void operationInFlightAcrossUnbindIsMarked() throws Exception {
        Context context = probeWithCdev();
        Thing file = open("file");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch unbound = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                Model.inOperation(Model.IOCTL, file, () -> {
                    inside.countDown();
                    await(unbound);
                    return context.readRegs();
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "reader");
        reader.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        Thread unbinder = new Thread(() -> {
            DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
            Model.unbind(device);
        }, "unbinder");
        unbinder.start();
        unbinder.join();
        unbound.countDown();
        reader.join();
        assertNull(failure.get());

        Violation v = Devmsan.violations().get(0);
        assertEquals("reader", v.thread());
        assertTrue(v.fileOperation().inFlightAcrossUnbind());
        assertTrue(v.fileOperation().openedBeforeUnregister());
        assertTrue(v.toText().contains("Freed by unbind of device xyz.0 on thread \"unbinder\""), v.toText());
        List<String> events = v.timeline().stream().map(e -> e.thread() + " " + e.event()).toList();
        assertEquals(List.of(Thread.currentThread().getName() + " probe", Thread.currentThread().getName() + " cdev-add",
                Thread.currentThread().getName() + " open", "unbinder unregister", "unbinder unbind-start",
                "unbinder unbind-done", "unbinder op-in-flight", "reader access"), events);
        assertEquals("ioctl on file (thread reader)", v.timeline().get(6).detail());
    }

    @Test
    void operationStartedAfterUnbindIsNotInFlight() {
        Context context = probeWithCdev();
        Thing file = open("file");
        Model.unbind(device);
        Model.inOperation(Model.IOCTL, file, context::readRegs);
        assertFalse(Devmsan.violations().get(0).fileOperation().inFlightAcrossUnbind());
    }

    @Test
    void entryPointIsReported() {
        Context context = probeWithCdev();
        Model.unbind(device);
        Object operations = DevmsanRuntime.entryEnter(device, Model.IRQ);
        try {
            context.readRegs();
        } finally {
            DevmsanRuntime.entryExit(operations, Model.IRQ);
        }
        Violation v = Devmsan.violations().get(0);
        assertEquals("irq", v.entryPoint());
        assertTrue(v.toText().contains("in entry point irq"), v.toText());
    }

    @Test
    void failedOpenIsOnTheTimeline() {
        Context context = probeWithCdev();
        DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
        DevmsanRuntime.fileOpened(cdev, null, Model.OPEN);
        Model.unbind(device);
        context.readRegs();
        assertTrue(Devmsan.violations().get(0).timeline().stream().anyMatch(e -> e.event().equals("open-failed")));
    }

    @Test
    void fullProvenanceAddsOperationsToTheTimeline() {
        reset(config().withProvenance(RuntimeConfig.Provenance.FULL));
        Context context = probeWithCdev();
        Thing file = open("file");
        Model.inOperation(Model.READ_OP, file, context::readRegs);
        Model.unbind(device);
        context.readRegs();
        assertTrue(Devmsan.violations().get(0).timeline().stream()
                .anyMatch(e -> e.event().equals("op") && "read on file".equals(e.detail())));
    }

    @Test
    void deeplyNestedOperationsDoNotBreakTheStack() {
        OperationTracking.begin(); // else this only thread's operations are not pushed at all
        Context context = probeWithCdev();
        Thing file = open("file");
        Object operations = null;
        for (int i = 0; i < OperationStack.CAPACITY + 10; i++) {
            operations = DevmsanRuntime.operationEnter(file, Model.IOCTL);
        }
        for (int i = 0; i < OperationStack.CAPACITY + 10; i++) {
            DevmsanRuntime.operationExit(operations, Model.IOCTL);
        }
        DevmsanRuntime.operationExit(operations, Model.IOCTL); // one exit too many is ignored
        DevmsanRuntime.operationExit(null, Model.IOCTL); // an entry that failed left nothing to leave
        Model.unbind(device);
        context.readRegs();
        assertNull(Devmsan.violations().get(0).fileOperation());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
