package io.devmsan.samples.modunload.naive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.ModuleImage;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 under the agent: the open that waited for the module's mutex gets it after the unmap
 * and touches the freed static data; so does the release of the file it opened.
 */
class NaiveUnloadTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void theRacingOpenTakesTheMutexInFreedModuleMemory() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        NaiveStory.rmmodRacingOpen();
        List<Violation> found = Devmsan.since(before);

        Map<String, Violation> byPlace = found.stream().collect(Collectors.toMap(
                v -> v.accessMethod() + " " + v.resource().substring(v.resource().indexOf('#')), Function.identity()));
        assertEquals(List.of("open #lock", "open #opens", "release #lock", "release #opens"),
                byPlace.keySet().stream().sorted().collect(Collectors.toList()), () -> texts(found));
        for (Violation v : found) {
            assertEquals("use-after-free", v.rule(), v::toText);
            assertTrue(v.resource().startsWith(NaiveStatics.class.getName() + "#"), v::toText);
            assertEquals("module " + NaiveModule.NAME, v.device(), v::toText);
            assertTrue(v.unbindStack().stream().anyMatch(f -> f.contains("ModuleImage.unmap")), v::toText);
            assertNull(v.entryPoint(), v::toText);
        }

        Violation open = byPlace.get("open #opens");
        assertTrue(open.thread().startsWith("open /dev/naive"), open::toText);
        Violation.FileOperation op = open.fileOperation();
        assertNotNull(op, open::toText);
        assertEquals("open", op.name(), open::toText);
        assertFalse(op.openedBeforeUnregister(), "the open began before the unregister but completed after it");

        Violation release = byPlace.get("release #opens");
        assertEquals("release", release.fileOperation().name(), release::toText);
        assertFalse(release.fileOperation().openedBeforeUnregister(), release::toText);
    }

    @Test
    void withAFileOpenTheUnloadIsRefusedAndNothingIsFreed() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        NaivePlatform platform = NaivePlatform.boot();
        ModuleImage image = platform.image();
        File file = Devtmpfs.open(platform.nodePath());
        int refused;
        try {
            refused = image.unload();
        } finally {
            file.close();
        }
        int unloaded = image.unload();
        platform.shutdown();

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
        assertEquals(-Errno.EBUSY, refused, Errno.name(refused));
        assertEquals(0, unloaded, Errno.name(unloaded));
        assertFalse(image.isLive());
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
