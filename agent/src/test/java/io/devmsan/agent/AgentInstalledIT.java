package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.fixtures.ScopedHolder;
import io.devmsan.runtime.Devmsan;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs under failsafe with the packaged agent on the JVM's command line. */
class AgentInstalledIT {

    static final Path AGENT = Paths.get("target", "devmsan-agent.jar").toAbsolutePath();

    @Test
    void theCanaryProvedTheAgentInstalled() {
        assertTrue(Devmsan.isInstalled(), "run with -javaagent:" + AGENT);
    }

    @Test
    void classesOnTheClassPathArriveRewritten() throws Exception {
        assertNotNull(ScopedHolder.class.getDeclaredField("devmsan$context"));
    }

    @Test
    void aBadOptionStopsTheJvmWithOneLineNamingIt() throws Exception {
        Process java = new ProcessBuilder(javaExecutable(), "-javaagent:" + AGENT + "=stackDepth=lots",
                "-version").redirectErrorStream(true).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(1, java.exitValue(), output);
        assertEquals(List.of("devmsan: option stackDepth=lots is not accepted; accepted: a whole number from 1 to 1024"),
                output.lines().toList());
    }

    @Test
    void theStartUpLineNamesVersionJdkAndFilters() throws Exception {
        Process java = new ProcessBuilder(javaExecutable(),
                "-javaagent:" + AGENT + "=include=com.example.*,reportDir=" + Paths.get("target", "it-startup"),
                "-version").redirectErrorStream(true).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.exitValue(), output);
        String line = output.lines().filter(l -> l.startsWith("[devmsan]")).findFirst().orElse("");
        assertTrue(line.matches("\\[devmsan\\] devmsan \\S+ active on JDK \\S+ .*include=com\\.example\\.\\* "
                + "exclude=-, canary ok, reports to .*"), line);
    }

    static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString()
                + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
