package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReportFileTest extends RuntimeTest {

    private final Thing device = new Thing("xyz.0");
    private final Thing cdev = new Thing("xyz0");

    private Context deadContext(Thing file) {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> {
            context.set(new Context());
            DevmsanRuntime.cdevAdd(cdev, device, Model.CDEV_ADD);
        });
        DevmsanRuntime.fileOpened(cdev, file, Model.OPEN);
        DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
        Model.unbind(device);
        return context.get();
    }

    /** One use after unbind, in an ioctl on {@code file}; returns the dead context for more. */
    private Context useAfterUnbindInIoctl(Thing file) {
        Context context = deadContext(file);
        Model.inOperation(Model.IOCTL, file, context::readRegs);
        return context;
    }

    private Map<String, Object> readReport() throws IOException {
        Path file = Core.reportFile();
        assertEquals(reportDir.toAbsolutePath(), file.toAbsolutePath().getParent());
        assertTrue(file.getFileName().toString().matches("devmsan-" + ProcessHandle.current().pid() + "-\\d+\\.json"),
                file.toString());
        return MiniJson.object(MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** JSON, SARIF and HTML (the default formats), sorted by name. */
    private static List<String> reportFilesOfThisRun() {
        String json = Core.reportFile().getFileName().toString();
        String base = json.substring(0, json.length() - ".json".length());
        return List.of(base + ".html", json, base + ".sarif");
    }

    private List<String> filesInReportDir() throws IOException {
        try (Stream<Path> files = Files.list(reportDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void reportIsWrittenWithZeroViolations() throws IOException {
        Devmsan.flush();
        Map<String, Object> report = readReport();
        Map<String, Object> agent = MiniJson.object(report.get("agent"));
        assertEquals(ProcessHandle.current().pid(), agent.get("pid"));
        assertEquals(System.getProperty("java.version"), agent.get("jdk"));
        assertTrue(agent.containsKey("version") && agent.containsKey("startedAt"));
        assertEquals(List.of(), report.get("violations"));
        assertEquals(0L, report.get("transformFailures"));
        assertEquals(0L, report.get("overflow"));
    }

    @Test
    void reportFileIsWrittenAtomicallyAndParsesBack() throws IOException {
        Thing file = new Thing("file \"quoted\"\n\tline\\two \u0001");
        Context context = useAfterUnbindInIoctl(file);
        Devmsan.flush();
        assertEquals(reportFilesOfThisRun(), filesInReportDir(), "the default formats, no temp file left");

        Map<String, Object> report = readReport();
        List<Object> violations = MiniJson.array(report.get("violations"));
        assertEquals(1, violations.size());
        Map<String, Object> v = MiniJson.object(violations.get(0));
        assertEquals("use-after-unbind", v.get("rule"));
        assertEquals(Model.CONTEXT + "#regs", v.get("resource"));
        assertEquals("read", v.get("accessKind"));
        assertEquals("xyz.0", v.get("device"));
        assertEquals(1L, v.get("count"));
        assertEquals(Devmsan.violations().get(0).fingerprint(), v.get("fingerprint"));
        Map<String, Object> access = MiniJson.object(v.get("access"));
        assertEquals(Model.CONTEXT, access.get("class"));
        assertEquals("readRegs", access.get("method"));
        assertEquals("Model.java", access.get("file"));
        assertEquals(50L, access.get("line"));
        for (String part : List.of("access", "unbind", "allocation")) {
            List<Object> stack = MiniJson.array(MiniJson.object(v.get(part)).get("stack"));
            assertFalse(stack.isEmpty(), part);
            assertTrue(stack.stream().allMatch(f -> f instanceof String), part);
        }
        Map<String, Object> op = MiniJson.object(v.get("fileOperation"));
        assertEquals("ioctl", op.get("name"));
        assertEquals(file.toString(), op.get("file"), "escaping round-trips");
        assertEquals("xyz0", op.get("cdev"));
        assertEquals(Boolean.TRUE, op.get("openedBeforeUnregister"));
        assertEquals(Boolean.FALSE, op.get("inFlightAcrossUnbind"));
        assertNull(v.get("entryPoint"));
        List<Object> timeline = MiniJson.array(v.get("timeline"));
        Map<String, Object> first = MiniJson.object(timeline.get(0));
        assertEquals(0L, first.get("t_us"));
        assertEquals("probe", first.get("event"));
        assertEquals(Thread.currentThread().getName(), first.get("thread"));

        // A second write replaces the file in place with the new counts.
        context.readRegs();
        Devmsan.flush();
        assertEquals(reportFilesOfThisRun(), filesInReportDir(), "replaced, not added");
        Map<String, Object> again = MiniJson.object(MiniJson.array(readReport().get("violations")).get(0));
        assertEquals(2L, again.get("count"));
    }

    @Test
    void violationJsonMatchesTheReportEntry() throws IOException {
        Context context = deadContext(new Thing("f"));
        context.readRegs();
        Devmsan.flush();
        Object fromFile = MiniJson.array(readReport().get("violations")).get(0);
        assertEquals(fromFile, MiniJson.parse(Devmsan.violations().get(0).toJson()));
    }

    @Test
    void transformFailuresAreCountedInTheReport() throws IOException {
        AgentControl.recordTransformFailure("com.example.Broken", new IllegalStateException("bad frame"));
        AgentControl.recordTransformFailure("com.example.Broken", new IllegalStateException("bad frame"));
        Devmsan.flush();
        Map<String, Object> report = readReport();
        assertEquals(2L, report.get("transformFailures"));
        Map<String, Object> first = MiniJson.object(MiniJson.array(report.get("transformFailureClasses")).get(0));
        assertEquals("com.example.Broken", first.get("class"));
        assertEquals(1, RecorderTest.occurrences(console(), "cannot rewrite com.example.Broken"), "logged once");
    }

    @Test
    void aWriteWithNothingNewSinceTheLastOneLeavesTheFilesAsTheyAre() throws IOException {
        Thing file = new Thing("f");
        Context context = useAfterUnbindInIoctl(file);
        Devmsan.flush();
        Path json = Core.reportFile();
        Files.writeString(json, "left as it was");

        Devmsan.flush(); // what the exit write does right after the flusher's
        assertEquals("left as it was", Files.readString(json, StandardCharsets.UTF_8), "nothing rendered again");

        Model.inOperation(Model.IOCTL, file, context::readRegs); // one more occurrence
        Devmsan.flush();
        Map<String, Object> violation = MiniJson.object(MiniJson.array(readReport().get("violations")).get(0));
        assertEquals(2L, violation.get("count"), "a new occurrence is written");

        Files.delete(json);
        Devmsan.flush();
        assertTrue(Files.exists(json), "a deleted report is written again");
    }

    @Test
    void flusherWritesSoonAfterTheFirstViolation() throws Exception {
        Core.resetForTests(config(), true, Recorder.MAX_DISTINCT);
        Context context = deadContext(new Thing("f"));
        assertFalse(Files.exists(Core.reportFile()));
        context.readRegs();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(Core.reportFile()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(Core.reportFile()), "written by the flusher without flush()");
        Core.resetForTests(config(), false, Recorder.MAX_DISTINCT);
        // The flusher may still be writing SARIF and HTML into the directory JUnit deletes next.
        Reports.awaitWrites();
    }

    @Test
    void unwritableReportDirIsLoggedNotThrown() throws IOException {
        Path notADir = Files.writeString(reportDir.resolve("plain-file"), "x");
        reset(config().withReportDir(notADir.resolve("sub")));
        Devmsan.flush();
        Devmsan.flush();
        assertEquals(1, RecorderTest.occurrences(console(), "cannot write the devmsan report"), console());
    }
}
