package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Violation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code Field.get*}/{@code set*} on annotated members are checked like the direct access; field
 * handles are not, and the first one made for an annotated member logs a warning.
 */
class ReflectionRewriteTest extends RewriteTestBase {

    private static final String F = "io.devmsan.fixtures.";

    private final Object device = new Object();

    private Field field(String type, String name) throws Exception {
        return fixture(type).getDeclaredField(name);
    }

    @Test
    void reflectiveReadOfAScopedFieldIsReportedAtTheCallingMethod() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        Object value = new Object();
        probe(device, () -> call(holder, "store", value));
        unbind(device);
        assertSame(value, call(fixture("ReflectiveUser"), "get", field("ScopedHolder", "context"), holder));
        Violation violation = violationAt(F + "ScopedHolder#context", "get");
        assertEquals("read", violation.accessKind());
        assertEquals(F + "ReflectiveUser", violation.accessClass());
        assertEquals(1, violations().size(), () -> violations().toString());
    }

    @Test
    void reflectiveWriteInProbeOwnsTheValueLikeADirectWrite() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        Object value = new Object();
        probe(device, () -> call(fixture("ReflectiveUser"), "set", field("ScopedHolder", "context"), holder, value));
        @SuppressWarnings("unchecked")
        Supplier<Object> reader = (Supplier<Object>) call(fixture("Shapes"), "nested", holder);
        assertSame(value, reader.get());
        assertEquals(List.of(), violations());
        unbind(device);
        reader.get();
        assertEquals(F + "Shapes$Nested", violationAt(F + "ScopedHolder#context", "get").accessClass());
    }

    @Test
    void reflectiveWriteOutsideAProbeClearsTheOwnership() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        probe(device, () -> call(holder, "store", new Object()));
        call(fixture("ReflectiveUser"), "set", field("ScopedHolder", "context"), holder, new Object());
        unbind(device);
        ((Supplier<?>) call(fixture("Shapes"), "nested", holder)).get();
        assertEquals(List.of(), violations(), "the value stored after probe belongs to no scope");
    }

    @Test
    void primitiveReflectiveAccessesToOwnedObjectsAreReportedAndStillHappen() throws Throwable {
        Object context = ownedInProbe(device, "OwnedContext");
        unbind(device);
        Class<?> user = fixture("ReflectiveUser");
        call(user, "setInt", field("OwnedContext", "counter"), context, 41);
        assertEquals(41, call(user, "getInt", field("OwnedContext", "counter"), context));
        call(user, "setLong", field("OwnedContext", "wide"), context, 7L);
        call(user, "setDouble", field("OwnedContext", "real"), context, 2.5);
        assertEquals(7L, fixture("OwnedContext").getField("wide").get(context));
        assertEquals(2.5, fixture("OwnedContext").getField("real").get(context));

        assertEquals(1L, violationAt(F + "OwnedContext#counter", "setInt").count());
        assertEquals(1L, violationAt(F + "OwnedContext#counter", "getInt").count());
        assertEquals("write", violationAt(F + "OwnedContext#wide", "setLong").accessKind());
        assertEquals("write", violationAt(F + "OwnedContext#real", "setDouble").accessKind());
    }

    @Test
    void reflectiveCallsKeepTheirCallerForAccessChecks() throws Throwable {
        assertEquals("secret", call(fixture("ReflectiveUser"), "ownSecret"));
        assertTrue(loader.wasRewritten(F + "ReflectiveUser"));
    }

    @Test
    void reflectiveAccessesToPlainFieldsReportNothing() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        probe(device, () -> call(fixture("ReflectiveUser"), "set", field("ScopedHolder", "plain"), holder, "x"));
        unbind(device);
        assertEquals("x", call(fixture("ReflectiveUser"), "get", field("ScopedHolder", "plain"), holder));
        assertEquals(List.of(), violations());
    }

    @Test
    void fieldHandlesForAnnotatedMembersWarnOnceEachAndWorkUnchecked() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        Object value = new Object();
        probe(device, () -> call(holder, "store", value));
        Object context = ownedInProbe(device, "OwnedContext");
        unbind(device);

        Class<?> user = fixture("ReflectiveUser");
        String console = captureErr(() -> {
            MethodHandle getter = (MethodHandle) call(user, "getter", fixture("ScopedHolder"), "context", Object.class);
            assertSame(value, getter.invoke(holder));
            call(user, "getter", fixture("ScopedHolder"), "context", Object.class);
            VarHandle counter = (VarHandle) call(user, "varHandle", field("OwnedContext", "counter"));
            assertEquals(1, (int) counter.get(context));
            call(user, "setter", field("ScopedHolder", "plain"));
        });
        List<String> warnings = console.lines().filter(l -> l.contains("does not check accesses through method handles"))
                .collect(Collectors.toList());
        assertEquals(2, warnings.size(), console);
        assertTrue(warnings.get(0).contains("MethodHandles.Lookup.findGetter at " + F + "ReflectiveUser.getter(")
                && warnings.get(0).contains("@DevmScoped field " + F + "ScopedHolder#context"), warnings.get(0));
        assertTrue(warnings.get(1).contains("field of @ScopeOwned type " + F + "OwnedContext#counter"), warnings.get(1));
        assertEquals(List.of(), violations(), "accesses through handles are not checked (docs/limits.md)");
    }

    static String captureErr(ThrowingRunnable body) throws Throwable {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
