package io.devmsan.samples.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000, hardware resources on the chip's device: the write in flight across unregister runs on
 * freed private data (send and recv), and so does the driver's own remove(). With the resources on
 * the platform device the same interleaving is clean and the in-flight write completes.
 */
class TpmHwOnChipDeviceTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:agent/target/devmsan-agent.jar");
    }

    @Test
    void theInFlightWriteAndRemoveReachThePrivateDataFreedInsideUnregister() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        TpmStory.inFlightWriteAcrossUnregister();

        List<Violation> found = Devmsan.since(before);
        Map<String, Violation> byMethod = new TreeMap<>();
        for (Violation violation : found) {
            assertEquals("use-after-unbind", violation.rule(), violation::toText);
            assertTrue(violation.resource().endsWith("TpmTisPriv#regs"), violation::toText);
            byMethod.put(violation.accessMethod(), violation);
        }
        assertEquals(List.of("recv", "remove", "send"), List.copyOf(byMethod.keySet()), () -> texts(found));
        for (String method : List.of("send", "recv")) {
            Violation.FileOperation op = byMethod.get(method).fileOperation();
            assertNotNull(op, () -> byMethod.get(method).toText());
            assertEquals("write", op.name());
            assertTrue(op.openedBeforeUnregister());
        }
        assertNull(byMethod.get("remove").fileOperation(), () -> byMethod.get("remove").toText());
        assertEquals(3, found.size(), () -> texts(found));
    }

    @Test
    void withTheResourcesOnThePlatformDeviceTheSameInterleavingIsClean() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        byte[] command = "TPM2_GetRandom".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        long inFlight = TpmStory.inFlightWrite(TpmTis.HwResources.ON_PLATFORM_DEVICE, command);

        assertEquals(command.length, inFlight, "the fence let the in-flight write finish on live hardware");
        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
