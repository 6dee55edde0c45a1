package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenBaselineReadsBackItsFingerprints() throws IOException {
        ReportSet set = ReportSet.fromJson(SampleReports.document(1, List.of(
                SampleReports.violation("aaaaaaaaaaaaaaaa", "a.B#c", 1, true),
                SampleReports.violation("bbbbbbbbbbbbbbbb", "name with space#x", 1, true))), "f");
        String text = Baseline.render(set.findings());
        assertTrue(text.contains("\naaaaaaaaaaaaaaaa use-after-unbind a.B#c\n"), text);
        assertTrue(text.contains("\nbbbbbbbbbbbbbbbb use-after-unbind name_with_space#x\n"), text);
        Baseline baseline = Baseline.read(Files.writeString(dir.resolve("b.txt"), text));
        assertEquals(Set.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"), baseline.fingerprints());
        assertTrue(baseline.contains("aaaaaaaaaaaaaaaa"));
        assertFalse(baseline.contains("cccccccccccccccc"));
    }

    @Test
    void commentsBlankLinesAndTrailingWordsAreIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("b.txt"), "# known\n\n   0123456789abcdef   whatever people write\n");
        assertEquals(Set.of("0123456789abcdef"), Baseline.read(file).fingerprints());
    }

    @Test
    void aLineThatIsNoFingerprintIsRejectedNamingFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("b.txt"), "# ok\n0123456789abcdef x\n{\"violations\": []}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baseline.read(file));
        assertEquals("baseline " + file + " line 3: '{\"violations\":' is not a fingerprint; expected lines "
                + "'<fingerprint> <rule> <resource>' (hex fingerprints as the report files have them) or # comments",
                e.getMessage());
    }
}
