package io.devmsan.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension with {@code onViolation=throw}, in a JVM of its own (the agent's options are per JVM). */
class ThrowModeIT {

    @TempDir
    Path dir;

    @Test
    void anExpectedViolationErrorIsSwallowedAndAnUnexpectedOneFailsTheTest() throws Exception {
        Path agent = Paths.get("target", "devmsan-agent.jar").toAbsolutePath();
        Process jvm = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent + "=onViolation=throw,log=quiet,reportDir=" + dir,
                "-cp", System.getProperty("java.class.path"), ThrowModeScenarios.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jvm.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, jvm.exitValue(), output);
        List<String> lines = output.lines().sorted().collect(Collectors.toList());
        assertEquals(2, lines.size(), output);
        assertEquals("FAILED unexpectedErrorFailsTheTest(): DevmsanViolationError: ======================================"
                + "============================", lines.get(0));
        assertEquals("PASSED expectedErrorIsSwallowed()", lines.get(1));
    }
}
