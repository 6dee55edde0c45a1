package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSetTest {

    private static final String A = "aaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbb";
    private static final String C = "cccccccccccccccc";

    @TempDir
    Path dir;

    private static Map<String, Object> violation(String fingerprint, long count, boolean failing) {
        return SampleReports.violation(fingerprint, "x.Y#" + fingerprint.charAt(0), count, failing);
    }

    @Test
    void mergingDeduplicatesByFingerprintSumsCountsAndKeepsTheFirstDetails() throws IOException {
        Map<String, Object> laterDetails = new LinkedHashMap<>(violation(A, 5, true));
        laterDetails.put("thread", "another-thread");
        SampleReports.write(dir, 20, 2000, SampleReports.document(20, List.of(laterDetails, violation(C, 1, true))));
        SampleReports.write(dir, 10, 1000, SampleReports.document(10, List.of(violation(A, 2, true), violation(B, 3, true))));

        ReportSet set = ReportSet.load(List.of(dir));
        assertEquals(List.of(), set.problems());
        assertEquals(List.of("devmsan-10-1000.json", "devmsan-20-2000.json"),
                set.files().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                "oldest JVM first, by the start time in the name");
        assertEquals(List.of(A, B, C), set.findings().stream().map(Finding::fingerprint).collect(Collectors.toList()));
        assertEquals(List.of(7L, 3L, 1L), set.findings().stream().map(Finding::count).collect(Collectors.toList()));
        assertEquals("reader", set.findings().get(0).thread(), "details of the first file that has it");
    }

    @Test
    void aViolationIsInformationalOnlyWhenEveryFileRecordedItSo() throws IOException {
        SampleReports.write(dir, 1, 1, SampleReports.document(1, List.of(violation(A, 1, false), violation(B, 1, false))));
        SampleReports.write(dir, 2, 2, SampleReports.document(2, List.of(violation(A, 1, true))));
        List<Finding> findings = ReportSet.load(List.of(dir)).findings();
        assertTrue(findings.get(0).failing());
        assertFalse(findings.get(1).failing());
    }

    @Test
    void aMalformedFileIsNamedInOneLineAndTheOtherFilesStillCount() throws IOException {
        SampleReports.write(dir, 1, 1, SampleReports.document(1, List.of(violation(A, 2, true))));
        Path truncated = SampleReports.write(dir, 2, 2, "{\"agent\":{},\"violations\":[{\"rule\":");
        Path notAReport = SampleReports.write(dir, 3, 3, "{\"hello\": 1}");
        Path wrongType = SampleReports.write(dir, 4, 4, SampleReports.document(4, List.of(violation(B, 1, true)))
                .replace("\"count\":1", "\"count\":\"many\""));
        SampleReports.write(dir, 5, 5, SampleReports.document(5, List.of(violation(A, 3, true))));

        ReportSet set = ReportSet.load(List.of(dir));
        assertEquals(List.of(A), set.findings().stream().map(Finding::fingerprint).collect(Collectors.toList()));
        assertEquals(5L, set.findings().get(0).count(), "both good files count");
        assertEquals(3, set.problems().size(), set.problems().toString());
        assertTrue(set.problems().get(0).startsWith("devmsan: cannot read report " + truncated + ": line 1, column 35: "
                + "unexpected end of input"), set.problems().get(0));
        assertTrue(set.problems().get(1).contains(notAReport + ": not a devmsan report: it has no \"violations\" array"),
                set.problems().get(1));
        assertTrue(set.problems().get(2).contains(wrongType + ": violations[0].count is the string \"many\"; "
                + "expected a whole number"), set.problems().get(2));
        for (String problem : set.problems()) {
            assertFalse(problem.contains("\n"), "one line");
            assertTrue(problem.endsWith("skipped, the other files still count"), problem);
        }
    }

    @Test
    void mergedJsonReadsBackToTheSameFindingsAndKeepsUnknownMembers() throws IOException {
        Map<String, Object> fromTheFuture = new LinkedHashMap<>(violation(A, 2, true));
        fromTheFuture.put("explorerSchedule", List.of("t1", "t2"));
        SampleReports.write(dir, 1, 1, SampleReports.document(1, List.of(fromTheFuture)));
        SampleReports.write(dir, 2, 2, SampleReports.document(2, List.of(violation(A, 1, true), violation(B, 4, false))));

        ReportSet merged = ReportSet.load(List.of(dir));
        String json = merged.toJson("9.9");
        Map<String, Object> document = Members.object(JsonReader.parse(json), "");
        assertEquals(Boolean.TRUE, Members.optionalObject(document, "agent", "").get("merged"));
        assertEquals(2, Members.array(document, "inputs", "").size());
        Map<String, Object> first = Members.object(Members.array(document, "violations", "").get(0), "");
        assertEquals(List.of("t1", "t2"), first.get("explorerSchedule"));
        assertEquals(3L, first.get("count"));

        Files.writeString(dir.resolve("merged.json"), json);
        ReportSet again = ReportSet.load(List.of(dir.resolve("merged.json")));
        assertEquals(merged.findings().stream().map(Finding::toString).collect(Collectors.toList()),
                again.findings().stream().map(Finding::toString).collect(Collectors.toList()));
        assertEquals(2, again.inputs.size(), "a merged file lists its inputs, not itself");
        assertEquals("/repo", again.sourceBase);
        assertEquals("agent/src/test/java/io/devmsan/fixtures/ScopedHolder.java",
                again.sources.get("io/devmsan/fixtures/ScopedHolder.java"));
    }

    @Test
    void onlyJvmReportFilesAreReadFromADirectory() throws IOException {
        SampleReports.write(dir, 1, 1, SampleReports.document(1, List.of(violation(A, 1, true))));
        Files.writeString(dir.resolve("devmsan.json"), SampleReports.document(9, List.of(violation(B, 1, true))));
        Files.writeString(dir.resolve(".devmsan-123.tmp"), "{");
        Files.writeString(dir.resolve("other.json"), "{");
        ReportSet set = ReportSet.load(List.of(dir));
        assertEquals(List.of(A), set.findings().stream().map(Finding::fingerprint).collect(Collectors.toList()));
        assertEquals(List.of(), set.problems());
    }

    @Test
    void aPathThatDoesNotExistIsRejectedNamingIt() {
        Path missing = dir.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportSet.load(List.of(missing)));
        assertEquals(missing + " does not exist; expected a report directory or a devmsan-*.json file", e.getMessage());
    }

    @Test
    void duplicateFingerprintsInOneFileMergeLikeSeparateFiles() {
        ReportSet set = ReportSet.fromJson(SampleReports.document(1, List.of(violation(A, 2, true), violation(A, 3, true))),
                "f");
        assertEquals(1, set.findings().size());
        assertEquals(5L, set.findings().get(0).count());
    }

    @Test
    void findingsSummariseThemselvesOnOneLine() {
        Finding finding = ReportSet.fromJson(SampleReports.document(1, List.of(violation(A, 3, true))), "f")
                .findings().get(0);
        assertEquals("use-after-unbind x.Y#a at ScopedHolder.java:29 count=3 [" + A + "]", finding.toString());
        assertEquals("use-after-unbind: read of x.Y#a in file operation ioctl after device xyz.0 was unbound",
                finding.headline());
    }
}
