package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bytecode shapes beyond the basic ones: each fixture is rewritten, verified (ASM and the JVM)
 * and then shown to report its accesses after unbind.
 */
class ShapeCoverageTest extends RewriteTestBase {

    private static final String F = "io.devmsan.fixtures.";

    private Object deadOwned(String type) throws Throwable {
        Object device = new Object();
        Object owned = ownedInProbe(device, type);
        unbind(device);
        return owned;
    }

    @Test
    void switchesOnEnumsAndSwitchExpressionsReportTheFieldsTheirCasesTouch() throws Throwable {
        Object context = deadOwned("OwnedContext");
        Class<?> shapes = fixture("SwitchShapes");
        for (Object mode : fixture("Mode").getEnumConstants()) {
            call(shapes, "onEnum", context, mode);
            call(shapes, "onEnumExpression", context, mode);
        }
        // One fingerprint per field and method: READ reads it, RESET reads and writes it.
        assertEquals(3L, violationAt(F + "OwnedContext#wide", "onEnumExpression").count());
        assertEquals(2L, violationAt(F + "OwnedContext#counter", "onEnum").count(), "READ reads, WRITE writes");
        violationAt(F + "OwnedContext#real", "onEnumExpression");
        assertTrue(!loader.wasRewritten(F + "SwitchShapes$1"), "the synthetic switch map touches nothing owned");

        Object holder = newFixture("ScopedHolder");
        Object device = new Object();
        Object value = new Object();
        probe(device, () -> call(holder, "store", value));
        unbind(device);
        assertSame(value, call(shapes, "onStringExpression", holder, "context"));
        assertEquals(1L, violationAt(F + "ScopedHolder#context", "onStringExpression").count());
    }

    @Test
    void genericOwnedTypesAreCheckedThroughErasureAndBridgesAreNotCountedTwice() throws Throwable {
        Object box = deadOwned("OwnedBox");
        Object stringBox = deadOwned("StringBox");
        Class<?> generic = fixture("GenericShapes");
        call(generic, "store", box, "four");
        assertEquals(4, call(generic, "lengthOf", box));
        Function<Object, Object> identity = x -> x;
        assertEquals("", call(generic, "through", stringBox, identity));

        assertEquals(1L, violationAt(F + "OwnedBox#value", "store").count());
        assertEquals(1L, violationAt(F + "OwnedBox#value", "lengthOf").count());
        // Called through OwnedBox.get(): the bridge StringBox.get()Object forwards to get()String.
        assertEquals(1L, violationAt(F + "StringBox#get()", "get").count());
    }

    @Test
    void genericScopedFieldsAreCheckedLikeAnyOther() throws Throwable {
        Object shapes = newFixture("GenericShapes");
        Object device = new Object();
        probe(device, () -> call(shapes, "store", Map.of("k", List.of(1))));
        unbind(device);
        assertEquals(List.of(1), call(shapes, "lookup", "k"));
        assertEquals(1L, violationAt(F + "GenericShapes#index", "lookup").count());
    }

    @Test
    void interfaceDefaultStaticAndPrivateMethodsCheckOwnedFields() throws Throwable {
        Object context = deadOwned("OwnedContext");
        Class<?> users = fixture("OwnedUser");
        Object user = call(users, "of", context);
        call(user, "counter");
        call(user, "reset");
        call(users, "wideOf", context);
        violationAt(F + "OwnedContext#counter", "counter");
        violationAt(F + "OwnedContext#wide", "clear");
        violationAt(F + "OwnedContext#real", "clear");
        violationAt(F + "OwnedContext#wide", "wideOf");
    }

    @Test
    void interfaceDefaultMethodsReadingScopedFieldsAreChecked() throws Throwable {
        Object holder = newFixture("ScopedHolder");
        Object device = new Object();
        Object value = new Object();
        probe(device, () -> call(holder, "store", value));
        @SuppressWarnings("unchecked")
        java.util.function.Supplier<Object> user =
                (java.util.function.Supplier<Object>) call(fixture("DefaultMethodUser"), "of", holder);
        unbind(device);
        assertSame(value, user.get());
        assertEquals(F + "DefaultMethodUser", violationAt(F + "ScopedHolder#context", "get").accessClass());
    }

    @Test
    void staticNestedClassesReachEachOthersPrivateAnnotatedMembers() throws Throwable {
        Class<?> outer = fixture("NestedOwners");
        Object device = new Object();
        Object[] made = new Object[2];
        Object value = new Object();
        probe(device, () -> {
            made[0] = call(outer, "newRegs");
            made[1] = call(outer, "newSlot", value);
        });
        unbind(device);
        assertEquals(3, call(outer, "readRegs", made[0]));
        assertSame(value, call(outer, "readSlot", made[1]));
        call(made[0], "bump");
        violationAt(F + "NestedOwners$Regs#value", "readRegs");
        violationAt(F + "NestedOwners$Slot#context", "readSlot");
        violationAt(F + "NestedOwners$Regs#bump()", "bump");
        assertTrue(fixture("NestedOwners$Slot").getDeclaredField("devmsan$context") != null);
    }

    @Test
    void fieldsReadForTheArgumentsOfSuperAreCheckedBeforeThisIsInitialised() throws Throwable {
        Object context = deadOwned("OwnedContext");
        Object passed = fixture("PassesUp").getConstructor(fixture("OwnedContext")).newInstance(context);
        assertEquals(1, fixture("Base").getField("initial").get(passed));
        Violation read = violationAt(F + "OwnedContext#counter", "<init>");
        assertEquals(2L, read.count(), "the read before super() and the one after it");
    }
}
