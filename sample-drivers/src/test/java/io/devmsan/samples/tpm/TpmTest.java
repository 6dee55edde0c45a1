package io.devmsan.samples.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 000 under the agent: the strong fence keeps a write after unbind out of the driver. */
class TpmTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void writeAfterUnbindIsCleanAndFailsWithEpipe() {
        byte[] command = "TPM2_GetRandom".getBytes(StandardCharsets.US_ASCII);
        Devmsan.Snapshot before = Devmsan.snapshot();
        TpmPlatform platform = TpmPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        long result;
        try {
            assertEquals(command.length, file.write(command, command.length), "while bound");
            assertEquals(command.length, file.read(new byte[TpmChip.TPM_BUFSIZE], TpmChip.TPM_BUFSIZE));
            assertEquals(0, platform.bus().unbind(platform.device()));
            result = file.write(command, command.length);
        } finally {
            file.close();
            platform.shutdown();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found,
                () -> found.stream().map(Violation::toText).collect(Collectors.joining("\n")));
        assertEquals(-Errno.EPIPE, result, Errno.name(result));
    }
}
