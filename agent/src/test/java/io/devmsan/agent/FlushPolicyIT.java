package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.ReportFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the report file is written (docs/limits.md, "Flush policy"): on a normal end of main, on
 * System.exit, and whenever {@code Devmsan.flush()} or the background flusher writes; an abrupt
 * end (Runtime.halt, kill -9) keeps the last complete file, losing only what came after it.
 */
class FlushPolicyIT {

    private static final String PROGRAM = "io.devmsan.fixtures.programs.ViolationsAtExit";
    private static final String RESOURCE = "io.devmsan.fixtures.ScopedHolder#context";

    @TempDir
    Path dir;

    private ChildJvm child() {
        return new ChildJvm(dir).withAgent("reportDir=" + dir);
    }

    /** The count of the violation at RESOURCE accessed from {@code method}, if reported. */
    private static Optional<Long> count(Map<String, Object> report, String methodPrefix) {
        return ReportFiles.violations(report).stream()
                .filter(v -> v.get("resource").equals(RESOURCE)
                        && ((String) ReportFiles.object(v, "access").get("method")).startsWith(methodPrefix))
                .map(v -> (Long) v.get("count"))
                .findFirst();
    }

    @Test
    void aNormalEndOfMainWritesEveryViolationWithItsFinalCount() throws Exception {
        ChildJvm.Result result = child().run(PROGRAM, "return");
        assertEquals(0, result.exitCode, result::toString);
        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, result.pid));
        assertEquals(Optional.of(2L), count(report, "readContext"));
        assertEquals(Optional.of(1L), count(report, "lambda$"));
    }

    @Test
    void systemExitWritesEveryViolationWithItsFinalCount() throws Exception {
        ChildJvm.Result result = child().run(PROGRAM, "exit");
        assertEquals(3, result.exitCode, result::toString);
        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, result.pid));
        assertEquals(Optional.of(2L), count(report, "readContext"));
        assertEquals(Optional.of(1L), count(report, "lambda$"));
    }

    @Test
    void runtimeHaltKeepsTheReportOfTheLastFlush() throws Exception {
        ChildJvm.Result result = child().run(PROGRAM, "halt");
        assertEquals(4, result.exitCode, result::toString);
        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, result.pid));
        long atFlush = count(report, "readContext").orElseThrow(() -> new AssertionError("lost: " + report));
        assertTrue(atFlush == 2 || atFlush == 3, "2 at the flush, 3 if the flusher ran before halt: " + atFlush);
    }

    @Test
    void killDashNineKeepsTheReportOfTheLastFlush() throws Exception {
        ChildJvm.Running running = child().start(PROGRAM, "kill");
        running.awaitLine("flushed", 60);
        running.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        ChildJvm.Result result = running.await(60);
        assertEquals(137, result.exitCode, result::toString);
        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, result.pid));
        assertTrue(count(report, "readContext").orElse(0L) >= 2, report::toString);
        assertEquals(true, ReportFiles.object(report, "agent").get("installed"));
    }

    @Test
    void aViolationSwallowedByACatchThrowableIsStillRecordedAndFailing() throws Exception {
        ChildJvm.Result result = new ChildJvm(dir).withAgent("reportDir=" + dir + ",onViolation=throw")
                .run("io.devmsan.fixtures.programs.SwallowedViolation");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("swallowed io.devmsan.runtime.DevmsanViolationError", "recorded 1"),
                result.out.lines().toList());
        assertTrue(result.err.contains("BUG: devmsan: use-after-unbind"), result::toString);
        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, result.pid));
        List<Map<String, Object>> violations = ReportFiles.violations(report);
        assertEquals(1, violations.size(), report::toString);
        Map<String, Object> violation = violations.get(0);
        assertEquals(RESOURCE, violation.get("resource"));
        assertEquals("ioctl", ReportFiles.object(violation, "fileOperation").get("name"));
        assertEquals(true, violation.get("failing"));
        assertEquals(1L, violation.get("count"));
    }
}
