package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs in a second failsafe execution, after the JVM of the first one was ended by the test
 * framework: the report file that JVM left must hold the final counts of what its tests did
 * last, which only a flush at exit guarantees.
 */
class ForkExitReportIT {

    @Test
    void theJvmEndedByTheTestFrameworkLeftACompleteReport() throws Exception {
        long pid = Long.parseLong(Files.readString(ConcurrencyIT.PID_FILE).trim());
        Path dir = Paths.get(System.getProperty("devmsan.firstForkReportDir"));
        Map<String, Object> report = ReportFiles.read(ReportFiles.of(dir, pid));
        assertEquals(true, ReportFiles.object(report, "agent").get("installed"));
        List<Map<String, Object>> violations = ReportFiles.violations(report);
        assertEquals((long) ConcurrencyIT.THREADS * ConcurrencyIT.PER_THREAD, countAt(violations, "readLocked"));
        assertEquals(4L * 1_000, countAt(violations, "writeLocked"));
    }

    private static long countAt(List<Map<String, Object>> violations, String method) {
        return violations.stream()
                .filter(v -> method.equals(ReportFiles.object(v, "access").get("method")))
                .mapToLong(v -> (Long) v.get("count"))
                .sum();
    }
}
