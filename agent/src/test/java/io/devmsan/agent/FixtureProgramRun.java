package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the integration tests that run one program of {@code io.devmsan.fixtures.programs} in a
 * child JVM under the agent with its default options, reports going to a temporary directory.
 */
abstract class FixtureProgramRun {

    private static final String PACKAGE = "io.devmsan.fixtures.programs.";

    @TempDir
    Path dir;

    /** Runs {@code program} (its simple name) with {@code arguments}; fails unless it exits with 0. */
    ChildJvm.Result runProgram(String program, String... arguments) throws Exception {
        ChildJvm.Result result = new ChildJvm(dir).withAgent("reportDir=" + dir).run(PACKAGE + program, arguments);
        assertEquals(0, result.exitCode, result::toString);
        return result;
    }
}
