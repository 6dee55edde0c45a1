package io.devmsan.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Devmsan;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs in the same JVM as the library's suite: proves that the agent was attached with
 * {@code include=*} and passed its start-up check, so that the suite's result means something,
 * and tells {@link AgentReportCheckTest} which report file is this JVM's.
 */
class AgentAttachedTest {

    @Test
    void theAgentInstrumentsEverythingInThisJvm() throws Exception {
        boolean expected = Boolean.parseBoolean(System.getProperty("devmsan.expectAgent", "true"));
        List<String> agents = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-javaagent:")).collect(Collectors.toList());
        if (!expected) {
            assertEquals(List.of(), agents, "the no-agent profile runs without the agent");
            assertTrue(!Devmsan.isInstalled());
            return;
        }
        assertEquals(1, agents.size(), agents::toString);
        assertTrue(agents.get(0).contains("devmsan-agent.jar=include=*,"), agents.get(0));
        assertTrue(Devmsan.isInstalled(), "the canary failed: see the [devmsan] line of this JVM");
        Files.writeString(Paths.get(System.getProperty("devmsan.pidFile")),
                String.valueOf(ProcessHandle.current().pid()));
    }
}
