package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.ExplorerHooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle weaver on method shapes the sample drivers do not all have: each woven class
 * passes ASM's verifier (RewritingLoader) and the JVM's, the hooks get the objects the annotation
 * names, and neither a throwing method nor a throwing hook changes what the program sees.
 */
class LifecycleWeavingTest extends RewriteTestBase {

    private static final String F = RewritingLoader.FIXTURES;

    /** FENCE_EXIT subjects, in order. */
    private final List<Object> released = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void disarm() {
        ExplorerHooks.disarm();
    }

    private void recordReleases() {
        ExplorerHooks.arm((event, subject, site) -> {
            if (event == ExplorerHooks.Event.FENCE_EXIT) {
                released.add(subject);
            }
        });
    }

    @Test
    void anExceptionOfTheMethodReachesTheCallerUnchangedAfterTheExitHookRan() throws Throwable {
        recordReleases();
        Object fence = new Object();
        RuntimeException failure = new RuntimeException("the method's own");
        Throwable thrown = assertThrows(RuntimeException.class,
                () -> call(fixture("WovenShapes"), "releaseThenThrow", fence, failure));
        assertSame(failure, thrown);
        call(fixture("WovenShapes"), "releaseThenThrow", fence, null);
        assertEquals(List.of(fence, fence), released);
    }

    @Test
    void theExitHookGetsTheArgumentAsPassedEvenWhenTheMethodReassignsIt() throws Throwable {
        recordReleases();
        Object fence = new Object();
        Object result = call(fixture("WovenShapes"), "releaseReassigned", fence);
        assertEquals("replacement", result.toString());
        assertEquals(List.of(fence), released);
    }

    @Test
    void wideParametersLocalsAndReturnsInsideALoopKeepTheirValues() throws Throwable {
        recordReleases();
        Object shapes = newFixture("WovenShapes");
        Object fence = new Object();
        assertEquals(0L + 1 + 2 + 3, call(shapes, "wide", 3L, 1.0, fence, 100)); // returns inside the loop
        assertEquals("sum 6".length() + 6L, call(shapes, "wide", 100L, 1.0, fence, 4)); // after the loop
        assertThrows(IllegalStateException.class, () -> call(shapes, "wide", 100L, -1.0, fence, 4));
        assertEquals(List.of(fence, fence, fence), released);
    }

    @Test
    void aReturnedObjectIsTheHooksFromEveryReturnAndNullWhenTheMethodThrows() throws Throwable {
        recordReleases();
        Object first = new Object();
        Object second = new Object();
        assertSame(first, call(fixture("WovenShapes"), "releaseReturned", first, second, 1));
        assertSame(second, call(fixture("WovenShapes"), "releaseReturned", first, second, 2));
        assertThrows(IllegalArgumentException.class,
                () -> call(fixture("WovenShapes"), "releaseReturned", first, second, 3));
        assertEquals(List.of(first, second), released.subList(0, 2));
        assertEquals(3, released.size());
        assertEquals(null, released.get(2));
    }

    @Test
    void aHookThatThrowsIsSkippedAndSaidOnceWhileTheMethodGoesOn() throws Throwable {
        ExplorerHooks.arm((event, subject, site) -> {
            if (event == ExplorerHooks.Event.FENCE_EXIT) {
                throw new IllegalStateException("listener broke");
            }
        });
        Object fence = new Object();
        String console = ReflectionRewriteTest.captureErr(() -> {
            assertEquals("replacement", call(fixture("WovenShapes"), "releaseReassigned", fence).toString());
            assertEquals("replacement", call(fixture("WovenShapes"), "releaseReassigned", fence).toString());
        });
        List<String> warnings = console.lines().filter(line -> line.contains("skipped its hook"))
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), console);
        assertTrue(warnings.get(0).contains(F + "WovenShapes.releaseReassigned (Fence.Exit)")
                && warnings.get(0).contains("IllegalStateException: listener broke"), warnings.get(0));
    }

    @Test
    void aJava5ClassFileIsWovenWithoutStackMapFramesAndRuns(@TempDir Path classes) throws Throwable {
        Path file = classes.resolve(GeneratedClasses.JAVA5_FENCE.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, GeneratedClasses.java5Fence());
        RewritingLoader java5 = new RewritingLoader(AgentOptions.DEFAULTS, classes);
        byte[] woven = new DevmsanTransformer(AgentOptions.DEFAULTS, new AgentLog(false), "test")
                .rewrite(java5, GeneratedClasses.JAVA5_FENCE.replace('.', '/'), GeneratedClasses.java5Fence());
        assertTrue(woven != null, "woven");
        assertTrue(!new String(woven, StandardCharsets.ISO_8859_1).contains("StackMap"),
                "a version 49 class file gets no stack map (neither StackMapTable nor the old StackMap)");
        recordReleases();
        Class<?> type = java5.loadClass(GeneratedClasses.JAVA5_FENCE);
        Object fence = new Object();
        call(type, "release", fence);
        assertThrows(IllegalArgumentException.class, () -> call(type, "release", (Object) null));
        assertEquals(java.util.Arrays.asList(fence, null), released);
    }
}
