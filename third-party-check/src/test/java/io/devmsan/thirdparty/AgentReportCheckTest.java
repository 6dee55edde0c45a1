package io.devmsan.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the JVM of the library's suite has ended (a second Surefire execution, without the
 * agent): the report file it left says the agent was installed, rewrote every class it tried to
 * without a single failure, and found nothing (the library has no annotated members).
 */
class AgentReportCheckTest {

    @Test
    void theSuitesJvmLeftAReportWithoutTransformFailuresOrViolations() throws IOException {
        String pid = Files.readString(Paths.get(System.getProperty("devmsan.pidFile"))).trim();
        Path dir = Paths.get(System.getProperty("devmsan.reportDir"));
        List<Path> reports;
        try (Stream<Path> files = Files.list(dir)) {
            reports = files.filter(p -> p.getFileName().toString().matches("devmsan-" + pid + "-\\d+\\.json"))
                    .collect(Collectors.toList());
        }
        assertEquals(1, reports.size(), "report of pid " + pid + " in " + dir + ": " + reports);
        String json = Files.readString(reports.get(0));
        assertEquals("true", field(json, "installed"), json);
        assertEquals("0", field(json, "transformFailures"), json);
        assertEquals("0", field(json, "overflow"), json);
        assertEquals(true, Pattern.compile("\"violations\":\\s*\\[\\s*\\]").matcher(json).find(), json);
    }

    /** The scalar value of the first {@code "name": value} in the report. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\":\\s*([^,}\\]\\s]+)").matcher(json);
        return matcher.find() ? matcher.group(1) : "<no " + name + ">";
    }
}
