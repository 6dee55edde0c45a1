package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Violation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ScopedFieldRewriteTest extends RewriteTestBase {

    private final Object device = new Object() {
        @Override
        public String toString() {
            return "fixture.0";
        }
    };

    @Test
    void declaringClassGetsATransientSyntheticCompanionWithTheFieldsVisibility() throws Exception {
        Field companion = fixture("ScopedHolder").getDeclaredField("devmsan$context");
        assertTrue(companion.isSynthetic());
        assertTrue(Modifier.isTransient(companion.getModifiers()));
        assertTrue(Modifier.isPublic(companion.getModifiers()));
        Field regs = fixture("ScopedHolder").getDeclaredField("devmsan$regs");
        assertEquals(0, regs.getModifiers() & (Modifier.PUBLIC | Modifier.PRIVATE | Modifier.PROTECTED));
    }

    @Test
    void misusedAnnotationsGetNoCompanion() throws Exception {
        for (Field field : fixture("ScopedHolder").getDeclaredFields()) {
            assertTrue(!field.getName().equals("devmsan$misusedPrimitive")
                    && !field.getName().equals("devmsan$misusedStatic"), field.getName());
        }
    }

    @Test
    void readOfAValueStoredInProbeIsReportedAfterUnbind() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        Object context = new Object();
        probe(device, () -> call(holder, "store", context));
        assertSame(context, call(holder, "readContext"));
        assertViolations(0);

        unbind(device);
        assertSame(context, call(holder, "readContext"), "the program keeps running unchanged");

        assertViolations(1);
        Violation violation = violations().get(0);
        assertEquals("use-after-unbind", violation.rule());
        assertEquals("io.devmsan.fixtures.ScopedHolder#context", violation.resource());
        assertEquals("read", violation.accessKind());
        assertEquals("io.devmsan.fixtures.ScopedHolder", violation.accessClass());
        assertEquals("readContext", violation.accessMethod());
        assertEquals(MarkedLines.lineOf("ScopedHolder.java", "use-after-unbind"), violation.accessLine());
        assertEquals("fixture.0", violation.device());
    }

    @Test
    void aClearedFieldIsNotAViolation() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        probe(device, () -> call(holder, "store", new Object()));
        call(holder, "store", (Object) null);
        unbind(device);
        assertNull(call(holder, "readContext"));
        assertViolations(0);
    }

    @Test
    void aValueStoredOutsideAnyProbeIsNeverChecked() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        probe(device, () -> { });
        call(holder, "store", new Object());
        unbind(device);
        assertNotNull(call(holder, "readContext"));
        assertViolations(0);
    }

    @Test
    void arraysInScopedFieldsAreChecked() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        probe(device, () -> call(holder, "storeRegs", new int[] {42}));
        unbind(device);
        assertEquals(42, call(holder, "firstReg"));
        assertViolations(1);
        assertEquals("io.devmsan.fixtures.ScopedHolder#regs", violations().get(0).resource());
    }

    @Test
    void readsFromLambdasInnerAnonymousLocalAndNestedClassesAreChecked() throws Throwable {
        for (String shape : new String[] {"lambda", "anonymous", "local", "nested"}) {
            Object holder = newFixture("ScopedHolder");
            Object dev = new Object();
            probe(dev, () -> call(holder, "store", new Object()));
            @SuppressWarnings("unchecked")
            Supplier<Object> reader = (Supplier<Object>) call(fixture("Shapes"), shape, holder);
            unbind(dev);
            reader.get();
        }
        assertViolations(4);
    }

    @Test
    void recordsEnumsDefaultMethodsAndConstructorWritesAreRewrittenAndChecked() throws Throwable {
        Object dev = new Object();
        Object[] made = new Object[2];
        probe(dev, () -> {
            made[0] = fixture("EarlyWriter").getConstructor(Object.class).newInstance(new Object());
            Object enumConstant = fixture("ScopedEnum").getEnumConstants()[0];
            call(enumConstant, "store", new Object());
            made[1] = fixture("ScopedRecord").getConstructors()[0].newInstance(new Object(), "r");
        });
        unbind(dev);
        call(made[0], "read");
        call(fixture("ScopedEnum").getEnumConstants()[0], "read");
        call(made[1], "context");
        assertViolations(3);
    }

    @Test
    void classesThatTouchNothingAnnotatedAreLeftUntouched() throws Exception {
        assertTrue(!loader.wasRewritten(RewritingLoader.FIXTURES + "Untouched"));
        assertTrue(loader.wasRewritten(RewritingLoader.FIXTURES + "ScopedHolder"));
        assertTrue(loader.wasRewritten(RewritingLoader.FIXTURES + "Shapes"));
    }
}
