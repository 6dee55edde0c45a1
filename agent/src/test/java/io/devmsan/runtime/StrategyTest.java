package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import io.devmsan.runtime.RuntimeConfig.OnViolation;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StrategyTest extends RuntimeTest {

    private final Thing device = new Thing("xyz.0");

    private Context deadContext() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        Model.unbind(device);
        return context.get();
    }

    @Test
    void throwStrategyThrowsDevmsanViolationError() {
        reset(config().withOnViolation(OnViolation.THROW));
        Context context = deadContext();
        DevmsanViolationError error = assertThrows(DevmsanViolationError.class, context::readRegs);
        assertEquals("use-after-unbind", error.violation().rule());
        assertTrue(error.getMessage().startsWith(TextReport.RULER + "\nBUG: devmsan: use-after-unbind"),
                error.getMessage());
        // Thrown at the access: the driver's frame is the top of the error's stack once ours are skipped.
        StackTraceElement top = java.util.Arrays.stream(error.getStackTrace())
                .filter(f -> !f.getClassName().equals("io.devmsan.runtime.Reporter")
                        && !f.getClassName().equals("io.devmsan.runtime.Core")
                        && !f.getClassName().equals("io.devmsan.runtime.DevmsanRuntime"))
                .findFirst().orElseThrow();
        assertEquals("io.devmsan.runtime.Model$Context", top.getClassName());

        DevmsanViolationError again = assertThrows(DevmsanViolationError.class, context::readRegs);
        assertEquals(error.violation(), again.violation());
        assertEquals(2, Devmsan.violations().get(0).count());
        assertEquals(1, RecorderTest.occurrences(console(), "BUG: devmsan:"), "printed once");
    }

    @Test
    void recordStrategyRecordsAndPrintsOncePerFingerprint() {
        Context context = deadContext();
        context.readRegs();
        context.readRegs();
        context.writeRegs(1);
        assertEquals(2, RecorderTest.occurrences(console(), "BUG: devmsan:"));
        assertTrue(Devmsan.violations().stream().allMatch(Violation::failing));
    }

    @Test
    void logStrategyRecordsAsNotFailing() {
        reset(config().withOnViolation(OnViolation.LOG));
        Context context = deadContext();
        context.readRegs();
        context.readRegs();
        List<Violation> violations = Devmsan.violations();
        assertEquals(1, violations.size());
        assertFalse(violations.get(0).failing());
        assertEquals(2, violations.get(0).count());
        assertEquals(1, RecorderTest.occurrences(console(), "BUG: devmsan:"));
        assertTrue(violations.get(0).toJson().contains("\"failing\":false"));
    }

    @Test
    void violationWhileReportingDoesNotRecurse() {
        reset(config().withOnViolation(OnViolation.THROW));
        Context context = deadContext();
        // A file the runtime never saw opened: the report names it with its toString(), which
        // touches the freed context and raises a violation of its own while reporting.
        Object file = new Object() {
            @Override
            public String toString() {
                context.writeRegs(0);
                return "nasty file";
            }
        };
        DevmsanViolationError error = assertThrows(DevmsanViolationError.class,
                () -> Model.inOperation(Model.IOCTL, file, context::readRegs));
        assertEquals("read", error.violation().accessKind());
        // The nested violation was neither reported nor thrown: toString() completed.
        assertEquals("nasty file", error.violation().fileOperation().file());
        assertEquals(List.of("read"), Devmsan.violations().stream().map(Violation::accessKind).toList());
    }

    @Test
    void armedRuntimeShowsEveryAccessToTheListener() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        List<Integer> seen = new java.util.ArrayList<>();
        Core.arm((owner, site) -> {
            assertSame(context.get().devmsan$owner, owner);
            seen.add(site);
        });
        try {
            context.get().readRegs();
            context.get().writeRegs(1);
        } finally {
            Core.arm(null);
        }
        context.get().readRegs();
        assertEquals(List.of(Model.READ, Model.WRITE), seen);
        assertEquals(List.of(), Devmsan.violations());
    }
}
