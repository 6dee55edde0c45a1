package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class the packaged agent fails to rewrite (its rewrite would exceed the JVM's method size
 * limit) loads unchanged, twice; the failure is logged once with the class, its class file
 * version, the agent's version and the cause, and counted in the report file.
 */
class TransformFailureIT {

    @TempDir
    Path dir;

    @Test
    void theProgramRunsAsWithoutTheAgentAndTheFailureIsLoggedOnceAndCounted() throws Exception {
        Path classes = dir.resolve("classes");
        Path classFile = classes.resolve(GeneratedClasses.HUGE_READER.replace('.', '/') + ".class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, GeneratedClasses.hugeReader());

        ChildJvm.Result result = new ChildJvm(dir).withAgent("reportDir=" + dir).withClassPath(classes)
                .run("io.devmsan.fixtures.programs.TransformFailureProgram", classFile.toString());

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("ran 12000 12000 distinct=true fields=0"), result.out.lines().toList());
        String expected = "[devmsan] WARN cannot rewrite " + GeneratedClasses.HUGE_READER + " (class file version 61,"
                + " devmsan " + Devmsan.version() + "), it loads unchanged:"
                + " io.devmsan.shaded.asm.MethodTooLargeException: Method too large:"
                + " io/devmsan/fixtures/generated/HugeReader.readMany (Lio/devmsan/fixtures/ScopedHolder;)I";
        assertEquals(List.of(expected), result.agentLines().stream().filter(l -> l.contains("cannot rewrite")).toList(),
                result::toString);

        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, result.pid));
        assertEquals(2L, report.get("transformFailures"), "both loads");
        List<Object> classesFailed = ReportFiles.array(report, "transformFailureClasses");
        assertEquals(GeneratedClasses.HUGE_READER + " (class file version 61, devmsan " + Devmsan.version() + ")",
                ((Map<?, ?>) classesFailed.get(0)).get("class"));
    }
}
