package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Violation;
import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OwnedTypeRewriteTest extends RewriteTestBase {

    @Test
    void onlyTheTopmostOwnedClassDeclaresTheOwnerField() throws Exception {
        Field owner = fixture("OwnedContext").getDeclaredField("devmsan$owner");
        assertTrue(owner.isSynthetic());
        for (Field field : fixture("OwnedSubContext").getDeclaredFields()) {
            assertTrue(!field.getName().startsWith("devmsan$"), field.getName());
        }
    }

    @Test
    void objectsBuiltOutsideAProbeAreNotOwned() throws Throwable {
        Object device = new Object();
        probe(device, () -> { });
        Object context = newFixture("OwnedContext");
        unbind(device);
        call(context, "bump");
        assertViolations(0);
    }

    @Test
    void methodCallAndFieldReadsAndWritesOfEveryWidthAreReportedAfterUnbind() throws Throwable {
        Object device = new Object();
        Object context = ownedInProbe(device, "OwnedContext");
        call(context, "bump");
        assertViolations(0);
        unbind(device);

        call(context, "bump");                                        // entry + read + write of counter
        call(fixture("Shapes"), "wideWrites", context, 5L, 1.5);      // long and double writes
        call(fixture("Shapes"), "tryFinally", context);               // long read, double write in finally
        call(fixture("Shapes"), "switchOnString", context, "b");
        call(fixture("Shapes"), "synchronizedBump", context);

        List<String> resources = violations().stream().map(Violation::resource).sorted().collect(Collectors.toList());
        assertTrue(resources.contains("io.devmsan.fixtures.OwnedContext#bump()"), resources::toString);
        assertTrue(resources.contains("io.devmsan.fixtures.OwnedContext#wide"), resources::toString);
        assertTrue(resources.contains("io.devmsan.fixtures.OwnedContext#real"), resources::toString);
        assertTrue(resources.contains("io.devmsan.fixtures.OwnedContext#counter"), resources::toString);
        assertEquals(5L, fixture("OwnedContext").getField("wide").get(context), "the write still happened");
        for (Violation violation : violations()) {
            assertEquals("use-after-unbind", violation.rule());
        }
    }

    @Test
    void methodReferencesAndSubclassesAreChecked() throws Throwable {
        Object device = new Object();
        Object sub = ownedInProbe(device, "OwnedSubContext");
        @SuppressWarnings("unchecked")
        Supplier<Integer> bump = (Supplier<Integer>) call(fixture("Shapes"), "methodReference", sub);
        unbind(device);
        bump.get();
        call(sub, "sum");
        List<String> resources = violations().stream().map(Violation::resource).collect(Collectors.toList());
        assertTrue(resources.contains("io.devmsan.fixtures.OwnedContext#bump()"), resources::toString);
        assertTrue(resources.contains("io.devmsan.fixtures.OwnedSubContext#sum()"), resources::toString);
        // sum() reads extra right after its entry check, in the same basic block: one report, at the entry.
        assertTrue(!resources.contains("io.devmsan.fixtures.OwnedSubContext#extra"), resources::toString);
    }

    @Test
    void adoptedTypesAreOwnedOnlyOnceDevresAdoptsThem() throws Throwable {
        Object device = new Object();
        Object[] regions = new Object[2];
        probe(device, () -> {
            regions[0] = newFixture("AdoptedRegion");
            regions[1] = call(fixture("FakeDriverCore"), "devmAdopt", device, newFixture("AdoptedRegion"));
        });
        unbind(device);
        call(regions[0], "read", 0);
        assertViolations(0);
        call(regions[1], "read", 0);
        assertTrue(violations().size() >= 1);
        assertEquals("use-after-unbind", violations().get(0).rule());
    }

    @Test
    void anObjectFreedOutsideUnbindIsUseAfterFree() throws Throwable {
        Object device = new Object();
        Object context = ownedInProbe(device, "OwnedContext");
        call(fixture("FakeDriverCore"), "kfree", context);
        call(context, "bump");
        assertTrue(violations().size() >= 1);
        assertEquals("use-after-free", violations().get(0).rule());
        unbind(device);
    }

    @Test
    void constructorsThatStoreBeforeSuperStillVerifyAndOwnTheirObject() throws Throwable {
        Object device = new Object();
        Object writer = newFixture2("EarlyWriter");
        Object[] inner = new Object[1];
        probe(device, () -> inner[0] = call(writer, "newOwnedInner"));
        Field owner = fixture("EarlyWriter$OwnedInner").getDeclaredField("devmsan$owner");
        owner.setAccessible(true);
        assertTrue(owner.get(inner[0]) != null, "built in probe, so owned");
        unbind(device);
    }

    private Object newFixture2(String type) throws Exception {
        return fixture(type).getConstructor(Object.class).newInstance(new Object());
    }
}
