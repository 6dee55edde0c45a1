package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devmsan.runtime.Devmsan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the agent cannot work it says why in one line, the program runs on, and
 * {@code Devmsan.isInstalled()} stays false.
 */
class StartupSelfCheckIT {

    @TempDir
    Path dir;

    @Test
    void aTransformerThatNeverRunsFailsTheCanaryWithOneLineAndLeavesTheAgentUninstalled() throws Exception {
        ChildJvm.Result result = new ChildJvm(dir).withClassPath(ChildJvm.AGENT)
                .run("io.devmsan.agent.NoOpInstrumentationProgram", "reportDir=" + dir);
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("installed=false"), result.out.lines().toList());
        List<String> lines = result.agentLines();
        assertEquals(1, lines.size(), result::toString);
        assertEquals("[devmsan] WARN devmsan " + Devmsan.version() + " is NOT checking anything on JDK "
                + Runtime.version() + ": the canary class was loaded without its rewrite: the transformer did not"
                + " run on it. Run with -javaagent:devmsan-agent.jar=log=debug and report it.", lines.get(0));
    }

    @Test
    void missingPermissionsAreNamedInOneLineAndTheProgramRunsUnchecked() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24 removed the Security Manager");
        Path policy = Files.writeString(dir.resolve("nothing.policy"), "grant { };\n");
        ChildJvm.Result result = new ChildJvm(dir).withOption("-Djava.security.manager")
                .withOption("-Djava.security.policy==" + policy).withAgent("reportDir=" + dir)
                .run("io.devmsan.fixtures.programs.ReportsInstalled");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("installed=false"), result.out.lines().toList());
        List<String> lines = result.agentLines();
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("[devmsan] WARN devmsan " + Devmsan.version() + " failed to install on JDK "
                + Runtime.version() + " and checks nothing: java.security.AccessControlException: access denied"),
                lines.get(0));
    }
}
