package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.report.SampleReports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private static final String A = "aaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbb";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        out.reset();
        err.reset();
        return Cli.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Map<String, Object> violation(String fingerprint, long count, boolean failing) {
        return SampleReports.violation(fingerprint, "com.x.Y#" + fingerprint.charAt(0), count, failing);
    }

    private Path twoJvms() throws IOException {
        Path reports = dir.resolve("reports");
        SampleReports.write(reports, 1, 1, SampleReports.document(1, List.of(violation(A, 2, true))));
        SampleReports.write(reports, 2, 2, SampleReports.document(2, List.of(violation(A, 1, true), violation(B, 4, true))));
        return reports;
    }

    @Test
    void reportWritesMergedJsonSarifAndHtmlIntoTheFirstDirectory() throws IOException {
        Path reports = twoJvms();
        assertEquals(Cli.OK, run("report", reports.toString()), err.toString());
        assertEquals(List.of("devmsan report: 2 violations from 2 report files -> " + reports.resolve("devmsan")
                + ".{json,sarif,html}"), outLines());
        assertTrue(Files.readString(reports.resolve("devmsan.json")).contains("\"count\":3"));
        assertTrue(Files.readString(reports.resolve("devmsan.sarif")).contains("\"version\": \"2.1.0\""));
        assertTrue(Files.readString(reports.resolve("devmsan.html")).contains("2 violations (7 occurrences)"));

        assertEquals(Cli.OK, run("report", reports.toString()), "its own output is not read back as input");
        assertTrue(outLines().get(0).contains("2 violations from 2 report files"));
    }

    @Test
    void reportWritesWhereOutSays() throws IOException {
        Path reports = twoJvms();
        Path elsewhere = dir.resolve("merged/out");
        assertEquals(Cli.OK, run("report", reports.toString(), "--out=" + elsewhere));
        assertTrue(Files.exists(elsewhere.resolve("devmsan.sarif")));
        assertFalse(Files.exists(reports.resolve("devmsan.sarif")));
    }

    @Test
    void checkPrintsOneLinePerFingerprintAndFailsOnViolations() throws IOException {
        Path reports = twoJvms();
        assertEquals(Cli.FAILED, run("check", reports.toString()));
        assertEquals(List.of(
                "NEW use-after-unbind com.x.Y#a at ScopedHolder.java:29 count=3 [" + A + "]",
                "NEW use-after-unbind com.x.Y#b at ScopedHolder.java:29 count=4 [" + B + "]",
                "devmsan check: FAILED: 2 new violations (7 occurrences), 0 known, 0 informational in 2 report files"),
                outLines());
        assertEquals(List.of(), errLines());
    }

    @Test
    void checkPassesOnACleanRun() throws IOException {
        Path clean = dir.resolve("clean");
        SampleReports.write(clean, 1, 1, SampleReports.document(1, List.of()));
        assertEquals(Cli.OK, run("check", clean.toString()));
        assertEquals(List.of("devmsan check: OK: 0 new violations, 0 known, 0 informational in 1 report file"), outLines());
    }

    @Test
    void aBaselineTurnsKnownViolationsIntoKnownAndOnlyNewOnesFail() throws IOException {
        Path reports = dir.resolve("reports");
        SampleReports.write(reports, 1, 1, SampleReports.document(1, List.of(violation(A, 2, true))));
        Path baseline = dir.resolve("devmsan-baseline.txt");
        assertEquals(Cli.OK, run("baseline", reports.toString(), "--out", baseline.toString()));
        assertEquals(List.of("devmsan baseline: 1 fingerprint -> " + baseline), outLines());
        assertTrue(Files.readString(baseline).contains(A + " use-after-unbind com.x.Y#a\n"));

        assertEquals(Cli.OK, run("check", reports.toString(), "--baseline", baseline.toString()));
        assertEquals("KNOWN use-after-unbind com.x.Y#a at ScopedHolder.java:29 count=2 [" + A + "]", outLines().get(0));

        SampleReports.write(reports, 2, 2, SampleReports.document(2, List.of(violation(B, 1, true))));
        assertEquals(Cli.FAILED, run("check", reports.toString(), "--baseline", baseline.toString()));
        assertEquals(List.of(
                "KNOWN use-after-unbind com.x.Y#a at ScopedHolder.java:29 count=2 [" + A + "]",
                "NEW use-after-unbind com.x.Y#b at ScopedHolder.java:29 count=1 [" + B + "]",
                "devmsan check: FAILED: 1 new violation (1 occurrence), 1 known, 0 informational in 2 report files"),
                outLines());
    }

    @Test
    void baselinedFingerprintsNoLongerSeenAreMentioned() throws IOException {
        Path clean = dir.resolve("clean");
        SampleReports.write(clean, 1, 1, SampleReports.document(1, List.of()));
        Path baseline = Files.writeString(dir.resolve("b.txt"), A + " use-after-unbind com.x.Y#a\n");
        assertEquals(Cli.OK, run("check", clean.toString(), "--baseline", baseline.toString()));
        assertEquals("devmsan check: OK: 0 new violations, 0 known, 0 informational in 1 report file; 1 baselined "
                + "fingerprint not seen (fixed? remove from " + baseline + ")", outLines().get(0));
    }

    @Test
    void informationalViolationsDoNotFailCheck() throws IOException {
        Path reports = dir.resolve("reports");
        SampleReports.write(reports, 1, 1, SampleReports.document(1, List.of(violation(A, 2, false))));
        assertEquals(Cli.OK, run("check", reports.toString()));
        assertEquals(List.of("INFO use-after-unbind com.x.Y#a at ScopedHolder.java:29 count=2 [" + A + "]",
                "devmsan check: OK: 0 new violations, 0 known, 1 informational in 1 report file"), outLines());
    }

    @Test
    void aMalformedFileIsNamedTheOthersStillCountAndCheckFails() throws IOException {
        Path reports = twoJvms();
        Path broken = SampleReports.write(reports, 3, 3, "{\"violations\": [");
        assertEquals(Cli.FAILED, run("check", reports.toString()));
        assertEquals(List.of("devmsan: cannot read report " + broken + ": line 1, column 17: unexpected end of input "
                + "(the file is empty or truncated); skipped, the other files still count"), errLines());
        assertEquals(3, outLines().size());
        assertTrue(outLines().get(0).endsWith("count=3 [" + A + "]"));
        assertEquals("devmsan check: FAILED: 2 new violations (7 occurrences), 0 known, 0 informational in 2 report "
                + "files, 1 unreadable report file (it may hide violations)", outLines().get(2));

        assertEquals(Cli.FAILED, run("report", reports.toString()), "merged without it, and says so");
        assertTrue(Files.readString(reports.resolve("devmsan.json")).contains("\"count\":4"));
    }

    @Test
    void usageErrorsExitTwoWithOneLineNamingWhatWasWrong() throws IOException {
        Path reports = twoJvms();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path badBaseline = Files.writeString(dir.resolve("bad.txt"), "not-a-fingerprint\n");
        String[][] cases = {
            {"frobnicate", "devmsan: unknown command 'frobnicate'; accepted: report, check, baseline"},
            {"check", "devmsan check: no report directory given; expected at least one <dir>"},
            {"check " + reports + " --out x", "devmsan check: unknown option '--out'; accepted: --baseline"},
            {"report " + reports + " --out", "devmsan report: --out needs a value, as in --out <path>"},
            {"check " + dir.resolve("missing"), "devmsan check: " + dir.resolve("missing") + " does not exist; "
                    + "expected a report directory or a devmsan-*.json file"},
            {"check " + empty, "devmsan check: no devmsan-*.json report files in [" + empty + "]; expected the reportDir"},
            {"check " + reports + " --baseline " + dir.resolve("nope.txt"), "devmsan check: cannot read baseline "
                    + dir.resolve("nope.txt") + " (NoSuchFileException); expected a file written by 'baseline --out'"},
            {"check " + reports + " --baseline " + badBaseline, "devmsan check: baseline " + badBaseline + " line 1: "
                    + "'not-a-fingerprint' is not a fingerprint"},
            {"baseline " + reports, "devmsan baseline: --out <file> is required"},
        };
        for (String[] c : cases) {
            assertEquals(Cli.USAGE, run(c[0].split(" ")), c[0]);
            assertEquals(1, errLines().size(), c[0] + ": " + errLines());
            assertTrue(errLines().get(0).startsWith(c[1]), c[0] + ": " + errLines().get(0));
            assertEquals(List.of(), outLines(), c[0]);
        }
    }

    @Test
    void helpPrintsTheUsageAndSucceedsWhileNoArgumentsIsAUsageError() {
        assertEquals(Cli.OK, run("--help"));
        assertTrue(outLines().get(0).startsWith("usage: java -jar devmsan-agent.jar"));
        assertEquals(Cli.USAGE, run());
        assertTrue(errLines().get(0).startsWith("usage: java -jar devmsan-agent.jar"));
    }

    @Test
    void aReportFileCanBeGivenInsteadOfADirectory() throws IOException {
        Path reports = twoJvms();
        assertEquals(Cli.OK, run("report", reports.toString()));
        assertEquals(Cli.FAILED, run("check", reports.resolve("devmsan.json").toString()));
        assertTrue(outLines().get(2).endsWith("in 1 report file"), outLines().toString());
    }
}
