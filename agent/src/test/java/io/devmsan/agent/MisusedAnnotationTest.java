package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Misused annotations: each produces one warning naming the member and what is accepted, the
 * class still loads and runs, and correctly annotated members beside it still work.
 */
class MisusedAnnotationTest extends RewriteTestBase {

    private static final String F = "io.devmsan.fixtures.";

    private static List<String> warnings(String console) {
        return console.lines().filter(l -> l.startsWith("[devmsan] WARN")).collect(Collectors.toList());
    }

    @Test
    void lifecycleAnnotationsWithPositionsThatDoNotExistAreIgnoredWithOneWarningEach() throws Throwable {
        Object[] result = new Object[1];
        String console = ReflectionRewriteTest.captureErr(() -> {
            result[0] = call(fixture("MisplacedLifecycle"), "probeBeyondTheParameters", "dev");
            new RewritingLoader().loadClass(F + "MisplacedLifecycle"); // a second load warns no more
        });
        assertEquals("probed dev", result[0]);
        List<String> warnings = warnings(console);
        assertEquals(List.of(
                "[devmsan] WARN @Lifecycle.Probe on " + F + "MisplacedLifecycle.probeBeyondTheParameters is ignored:"
                        + " position 3 is not a parameter; accepted: 0 to 0, Lifecycle.THIS or Lifecycle.RETURNED",
                "[devmsan] WARN @Lifecycle.CdevDel on " + F + "MisplacedLifecycle.thisOnAStaticMethod is ignored:"
                        + " the method is static, so THIS names nothing",
                "[devmsan] WARN @Lifecycle.DevresAdopt on " + F + "MisplacedLifecycle.returnedFromAVoidMethod is ignored:"
                        + " RETURNED names nothing: the method returns void",
                "[devmsan] WARN @Lifecycle.Unbind on " + F + "MisplacedLifecycle.returnedNeededAtEntry is ignored:"
                        + " RETURNED cannot name an object needed at entry"), warnings);
        assertTrue(loader.wasRewritten(F + "MisplacedLifecycle"), "the correct @Lifecycle.Frees is still woven");
    }

    @Test
    void theCorrectlyAnnotatedMethodBesideMisplacedOnesStillWorks() throws Throwable {
        Object device = new Object();
        Object context = ownedInProbe(device, "OwnedContext");
        ReflectionRewriteTest.captureErr(() -> call(fixture("MisplacedLifecycle"), "free", context));
        call(context, "bump");
        assertEquals("use-after-free", violationAt(F + "OwnedContext#bump()", "bump").rule());
        unbind(device);
    }

    @Test
    void scopeOwnedOnAnInterfaceWarnsOnceAndOwnsNothing() throws Throwable {
        Object device = new Object();
        Object[] impl = new Object[1];
        String console = ReflectionRewriteTest.captureErr(() -> {
            impl[0] = ownedInProbe(device, "OwnedInterface$Impl");
            unbind(device);
            assertEquals(1, call(impl[0], "value"));
        });
        assertEquals(List.of("[devmsan] WARN @ScopeOwned on interface " + F + "OwnedInterface is ignored: only"
                + " classes can carry an owner; annotate the implementing classes"), warnings(console));
        assertEquals(List.of(), violations());
        assertTrue(!loader.wasRewritten(F + "OwnedInterface$Impl"));
    }

    @Test
    void scopedOnAStaticOrPrimitiveFieldWarnsOnceEachAndOnlyTheValidFieldGetsACompanion() throws Throwable {
        String console = ReflectionRewriteTest.captureErr(() -> {
            assertEquals(1, call(newFixture("MisusedScoped"), "touch"));
            new RewritingLoader().loadClass(F + "MisusedScoped");
        });
        assertEquals(List.of(
                "[devmsan] WARN @DevmScoped on " + F + "MisusedScoped#shared is ignored: it is static: a static"
                        + " field belongs to no bind scope; accepted: instance fields of reference or array type",
                "[devmsan] WARN @DevmScoped on " + F + "MisusedScoped#count is ignored: it is of primitive type"
                        + " int, which cannot dangle; accepted: instance fields of reference or array type"),
                warnings(console));
        List<String> companions = List.of(fixture("MisusedScoped").getDeclaredFields()).stream()
                .map(java.lang.reflect.Field::getName).filter(n -> n.startsWith("devmsan$")).collect(Collectors.toList());
        assertEquals(List.of("devmsan$valid"), companions);
    }
}
