package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.report.ReportSet;
import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** docs/report-format.md documents every member the runtime and the report command write. */
class ReportFormatDocTest extends RuntimeTest {

    private static void collectNames(Object json, Set<String> names) {
        if (json instanceof Map) {
            for (Map.Entry<String, Object> member : MiniJson.object(json).entrySet()) {
                names.add(member.getKey());
                // Keys of "sources" are file names, not member names.
                if (!member.getKey().equals("sources")) {
                    collectNames(member.getValue(), names);
                }
            }
        } else if (json instanceof List) {
            MiniJson.array(json).forEach(element -> collectNames(element, names));
        }
    }

    @Test
    void everyMemberOfAJvmReportAndOfAMergedReportIsDocumented() throws IOException {
        Thing device = new Thing("xyz.0");
        Thing cdev = new Thing("xyz0");
        Thing file = new Thing("f");
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> {
            context.set(new Context());
            DevmsanRuntime.cdevAdd(cdev, device, Model.CDEV_ADD);
        });
        DevmsanRuntime.fileOpened(cdev, file, Model.OPEN);
        Model.unbind(device);
        Model.inOperation(Model.IOCTL, file, context.get()::readRegs);
        AgentControl.recordTransformFailure("com.example.Broken", new IllegalStateException("bad frame"));
        Devmsan.flush();

        String jvmReport = Files.readString(Core.reportFile(), StandardCharsets.UTF_8);
        Set<String> names = new TreeSet<>();
        collectNames(MiniJson.parse(jvmReport), names);
        collectNames(MiniJson.parse(ReportSet.load(List.of(reportDir)).toJson("9.9")), names);
        assertTrue(names.containsAll(List.of("t_us", "openedBeforeUnregister", "merged", "inputs", "class", "error")),
                names.toString());

        String doc = Files.readString(Paths.get("..", "docs", "report-format.md"), StandardCharsets.UTF_8);
        Set<String> undocumented = new TreeSet<>();
        for (String name : names) {
            if (!doc.contains("`" + name + "`")) {
                undocumented.add(name);
            }
        }
        assertEquals(Set.of(), undocumented, "members missing from docs/report-format.md");
    }

    @Test
    void theDocumentsExampleIsAReportTheToolsRead() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "report-format.md"), StandardCharsets.UTF_8);
        String example = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("\n```", doc.indexOf("```json\n")));
        ReportSet set = ReportSet.fromJson(example, "example");
        assertEquals(1, set.findings().size());
        assertEquals(3L, set.findings().get(0).count());
    }
}
