package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.report.SarifSchema;
import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import io.devmsan.runtime.RuntimeConfig.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The report files a JVM writes besides JSON: SARIF, HTML and text, as {@code formats} asks. */
class ReportFormatsTest extends RuntimeTest {

    private final Thing device = new Thing("xyz.0");

    private Context deadContext() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        Model.unbind(device);
        return context.get();
    }

    private static Path sibling(Format format) {
        return Reports.file(format);
    }

    @Test
    void everyFormatIsWrittenNextToTheJsonUnderTheSameName() throws IOException {
        reset(config().withFormats(EnumSet.allOf(Format.class)));
        Context context = deadContext();
        context.readRegs();
        context.readRegs();
        Devmsan.flush();
        for (Format format : Format.values()) {
            assertTrue(Files.isRegularFile(sibling(format)), sibling(format).toString());
        }
        String sarif = Files.readString(sibling(Format.SARIF), StandardCharsets.UTF_8);
        assertEquals(java.util.List.of(), SarifSchema.errors(sarif));
        assertTrue(sarif.contains("\"devmsanFingerprint/v1\": \"" + Devmsan.violations().get(0).fingerprint() + "\""),
                sarif);
        String html = Files.readString(sibling(Format.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg class=\"timeline\""));
        assertTrue(html.contains("1 violation (2 occurrences)"), "counts as of this flush");
    }

    @Test
    void theTextFileHasEachBlockOnceWithItsCount() throws IOException {
        reset(config().withFormats(EnumSet.of(Format.TEXT)));
        Context context = deadContext();
        for (int i = 0; i < 3; i++) {
            context.readRegs();
        }
        context.reset();
        Devmsan.flush();
        String text = Files.readString(sibling(Format.TEXT), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("devmsan " + Devmsan.version() + " report of JVM " + ProcessHandle.current().pid()),
                text);
        assertTrue(text.contains("\n2 violations, 4 occurrences\n"), text);
        assertTrue(text.contains("[1/2] use-after-unbind " + Model.CONTEXT + "#regs: 3 occurrences, details of the first\n"
                + TextReport.RULER), text);
        assertTrue(text.contains("[2/2] use-after-unbind " + Model.CONTEXT + "#reset(): 1 occurrence\n"), text);
        assertEquals(2, RecorderTest.occurrences(text, "BUG: devmsan: use-after-unbind"), "once per fingerprint");
        assertFalse(Files.exists(sibling(Format.SARIF)), "only the formats asked for");
        assertTrue(Files.exists(sibling(Format.JSON)), "JSON always: the tools read it");
    }

    @Test
    void theJsonNamesTheSourcesOfTheClassesInTheReportRelativeToTheRepository() throws IOException {
        deadContext().readRegs();
        Devmsan.flush();
        Map<String, Object> report = MiniJson.object(MiniJson.parse(Files.readString(Core.reportFile())));
        Map<String, Object> sources = MiniJson.object(report.get("sources"));
        // Surefire runs in the agent module; the repository root is the directory above.
        assertEquals("agent/src/test/java/io/devmsan/runtime/Model.java", sources.get("io/devmsan/runtime/Model.java"),
                sources.toString());
        assertEquals(Path.of("").toAbsolutePath().getParent().toString(), report.get("sourceBase"));
        Map<String, Object> config = MiniJson.object(MiniJson.object(report.get("agent")).get("config"));
        assertEquals(java.util.List.of("json", "sarif", "html"), config.get("formats"));
    }

    @Test
    void aCleanRunStillWritesEveryAskedFormat() throws IOException {
        Devmsan.flush();
        assertTrue(Files.readString(sibling(Format.HTML)).contains("No violations"));
        assertEquals(java.util.List.of(), SarifSchema.errors(Files.readString(sibling(Format.SARIF))));
    }
}
