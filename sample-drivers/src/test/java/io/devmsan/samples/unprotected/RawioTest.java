package io.devmsan.samples.unprotected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import io.devmsan.samples.runner.Machine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 000's unprotected driver under the agent: read and write after unbind, one report each. */
class RawioTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }

    @Test
    void readAndWriteAfterUnbindAreEachOneUseAfterUnbindOfTheRegisterPointer() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        RawioStory.openUnbindReadWrite();

        List<Violation> found = Devmsan.since(before);
        Map<String, Violation> byOperation = new TreeMap<>();
        for (Violation violation : found) {
            assertEquals("use-after-unbind", violation.rule(), violation::toText);
            assertTrue(violation.resource().endsWith("RawioDev#regs"), violation::toText);
            assertEquals(RawioFileOps.class.getName(), violation.accessClass(), violation::toText);
            Violation.FileOperation op = violation.fileOperation();
            assertNotNull(op, violation::toText);
            assertTrue(op.openedBeforeUnregister(), violation::toText);
            assertEquals(op.name(), violation.accessMethod(), violation::toText);
            byOperation.put(op.name(), violation);
        }
        assertEquals(List.of("read", "write"), List.copyOf(byOperation.keySet()), () -> texts(found));
        assertEquals(2, found.size(), () -> texts(found));
    }

    @Test
    void theSameReadsAndWritesWhileBoundAreClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        Machine machine = Machine.boot(new RawioDriver());
        File file = Devtmpfs.open(machine.nodePath());
        try {
            assertEquals(4, file.write(new byte[] {1, 2, 3, 4}, 4));
            assertEquals(4, file.read(new byte[4], 4));
        } finally {
            file.close();
        }
        assertEquals(0, machine.unbind());
        machine.shutdown();

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
