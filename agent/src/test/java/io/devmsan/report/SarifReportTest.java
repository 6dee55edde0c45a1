package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    private static final String FP1 = "b917edd4bb7b2599";
    private static final String FP2 = "0123456789abcdef";

    private static String sarifOf(String document) {
        return ReportSet.fromJson(document, "devmsan-1-1.json").toSarif();
    }

    private static String sampleSarif() {
        Map<String, Object> logOnly = SampleReports.violation(FP2, "io.devmsan.fixtures.OwnedContext#counter", 1, false);
        String document = SampleReports.document(7, List.of(
                SampleReports.violation(FP1, SampleReports.HOLDER + "#context", 3, true), logOnly));
        Map<String, Object> withFailures = Members.object(JsonReader.parse(document), "");
        withFailures.put("transformFailures", 2L);
        withFailures.put("transformFailureClasses", List.of(JsonWriter.object("class", "com.example.Broken",
                "error", "java.lang.IllegalStateException: bad frame")));
        withFailures.put("overflow", 4L);
        return sarifOf(JsonWriter.write(withFailures, 1));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object json, Object... path) {
        Object current = json;
        for (Object step : path) {
            current = step instanceof Integer ? ((List<Object>) current).get((Integer) step)
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void sarifOfAReportValidatesAgainstTheOfficialSchema() {
        String sarif = sampleSarif();
        assertEquals(List.of(), SarifSchema.errors(sarif));
        Object log = JsonReader.parse(sarif);
        assertEquals("2.1.0", at(log, "version"));
        assertEquals(SarifReport.SCHEMA, at(log, "$schema"));
        assertEquals("devmsan", at(log, "runs", 0, "tool", "driver", "name"));
        assertEquals("0.1.0-test", at(log, "runs", 0, "tool", "driver", "version"));
        assertEquals(2, this.<List<?>>at(log, "runs", 0, "results").size());
    }

    @Test
    void anEmptyReportIsValidSarifWithNoResults() {
        String sarif = sarifOf(SampleReports.document(1, List.of()));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        assertEquals(List.of(), at(JsonReader.parse(sarif), "runs", 0, "results"));
    }

    @Test
    void brokenSarifFailsValidationSoTheSchemaCheckCanFail() {
        String sarif = sampleSarif();
        List<String> wrongVersion = SarifSchema.errors(sarif.replace("\"version\": \"2.1.0\"", "\"version\": 2"));
        assertTrue(wrongVersion.stream().anyMatch(e -> e.startsWith("/version")), wrongVersion.toString());
        List<String> zeroLine = SarifSchema.errors(sarif.replace("\"startLine\":29", "\"startLine\":0"));
        assertTrue(zeroLine.stream().anyMatch(e -> e.contains("startLine")), zeroLine.toString());
        List<String> noRuleId = SarifSchema.errors(sarif.replace("\"id\":\"use-after-unbind\"",
                "\"identifier\":\"use-after-unbind\""));
        assertFalse(noRuleId.isEmpty(), "a rule without an id");
    }

    @Test
    void everyRuleTheCodeCanEmitIsDescribedUnderAStableId() throws Exception {
        Object log = JsonReader.parse(sampleSarif());
        List<Map<String, Object>> rules = at(log, "runs", 0, "tool", "driver", "rules");
        List<String> ids = rules.stream().map(r -> (String) r.get("id")).collect(Collectors.toList());
        assertEquals(List.of("use-after-unbind", "use-after-free", "unfenced-access", "unbind-race", "unbind-hang"), ids);
        for (Map<String, Object> rule : rules) {
            for (String text : List.of("shortDescription", "fullDescription", "help")) {
                assertFalse(((String) at(rule, text, "text")).isBlank(), rule.get("id") + " " + text);
            }
        }
        // The runtime's rule constants are what the code emits: each must be described.
        for (Field field : Class.forName("io.devmsan.runtime.Rules").getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                assertTrue(ids.contains((String) field.get(null)), field.getName() + " has no SARIF rule");
            }
        }
    }

    @Test
    void resultIsLocatedAtTheAccessWithARepositoryRelativePath() {
        Object log = JsonReader.parse(sampleSarif());
        Map<String, Object> result = at(log, "runs", 0, "results", 0);
        assertEquals("use-after-unbind", result.get("ruleId"));
        assertEquals(0L, result.get("ruleIndex"));
        assertEquals("error", result.get("level"));
        assertEquals("use-after-unbind: read of io.devmsan.fixtures.ScopedHolder#context in file operation ioctl "
                + "after device xyz.0 was unbound. File opened before its cdev was unregistered; the device's bind "
                + "scope was released at unbind.", at(result, "message", "text"));
        Map<String, Object> physical = at(result, "locations", 0, "physicalLocation");
        assertEquals("agent/src/test/java/io/devmsan/fixtures/ScopedHolder.java", at(physical, "artifactLocation", "uri"));
        assertEquals("%SRCROOT%", at(physical, "artifactLocation", "uriBaseId"));
        assertEquals((Object) 29L, at(physical, "region", "startLine"));
        assertEquals("io.devmsan.fixtures.ScopedHolder.readContext",
                at(result, "locations", 0, "logicalLocations", 0, "fullyQualifiedName"));
        assertEquals("file:///repo/", at(log, "runs", 0, "originalUriBaseIds", "%SRCROOT%", "uri"));
    }

    @Test
    void withoutAKnownSourceTheLocationFallsBackToPackagePathAndFileName() {
        Map<String, Object> document = Members.object(JsonReader.parse(SampleReports.document(1,
                List.of(SampleReports.violation(FP1, SampleReports.HOLDER + "#context", 1, true)))), "");
        document.put("sources", Map.of());
        document.put("sourceBase", null);
        String sarif = sarifOf(JsonWriter.write(document, 1));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        Map<String, Object> artifact = at(JsonReader.parse(sarif), "runs", 0, "results", 0, "locations", 0,
                "physicalLocation", "artifactLocation");
        assertEquals(Map.of("uri", "io/devmsan/fixtures/ScopedHolder.java"), artifact);
    }

    @Test
    void codeFlowTellsAllocationOpenUnregisterUnbindAccessInOrder() {
        Map<String, Object> result = at(JsonReader.parse(sampleSarif()), "runs", 0, "results", 0);
        List<Map<String, Object>> flow = at(result, "codeFlows", 0, "threadFlows", 0, "locations");
        List<String> events = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        for (Map<String, Object> step : flow) {
            events.add(at(step, "properties", "event"));
            order.add(at(step, "executionOrder"));
        }
        assertEquals(List.of("allocation", "open", "unregister", "unbind", "access"), events);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), order);
        assertEquals((Object) 33L, at(flow.get(0), "location", "physicalLocation", "region", "startLine"), "store in probe");
        assertTrue(this.<String>at(flow.get(2), "location", "message", "text").startsWith(
                "Character device xyz0 unregistered on thread \"main\""));
        assertNull(at(flow.get(2), "location", "physicalLocation"), "no stack is recorded for unregister");
        assertEquals("agent/src/test/java/io/devmsan/fixtures/FakeDriverCore.java",
                at(flow.get(3), "location", "physicalLocation", "artifactLocation", "uri"));
        assertEquals((Object) 29L, at(flow.get(4), "location", "physicalLocation", "region", "startLine"));
    }

    @Test
    void fingerprintCountDeviceAndFileOperationAreCarried() {
        Map<String, Object> result = at(JsonReader.parse(sampleSarif()), "runs", 0, "results", 0);
        assertEquals(Map.of("devmsanFingerprint/v1", FP1), result.get("partialFingerprints"));
        assertEquals(3L, result.get("occurrenceCount"));
        assertEquals((Object) 3L, at(result, "properties", "count"));
        assertEquals("xyz.0", at(result, "properties", "device"));
        assertEquals("ioctl", at(result, "properties", "fileOperation"));
        List<Map<String, Object>> stacks = at(result, "stacks");
        assertEquals(3, stacks.size());
        assertEquals("io.devmsan.fixtures.ScopedHolder.readContext(ScopedHolder.java:29)",
                at(stacks.get(0), "frames", 0, "location", "message", "text"));
    }

    @Test
    void informationalViolationsAreWarningsAndToolProblemsAreNotifications() {
        Object log = JsonReader.parse(sampleSarif());
        assertEquals("warning", at(log, "runs", 0, "results", 1, "level"));
        List<Map<String, Object>> notes = at(log, "runs", 0, "invocations", 0, "toolExecutionNotifications");
        assertEquals(2, notes.size());
        assertTrue(this.<String>at(notes.get(0), "message", "text").contains("com.example.Broken"));
        assertTrue(this.<String>at(notes.get(1), "message", "text").startsWith("4 occurrences"));
    }

    @Test
    void aRuleFromANewerAgentGetsADescriptorSoRuleIndexStaysValid() {
        Map<String, Object> future = new LinkedHashMap<>(SampleReports.violation(FP1, "a.B#c", 1, true));
        future.put("rule", "use-after-teleport");
        String sarif = sarifOf(SampleReports.document(1, List.of(future)));
        assertEquals(List.of(), SarifSchema.errors(sarif));
        Object log = JsonReader.parse(sarif);
        assertEquals((Object) 5L, at(log, "runs", 0, "results", 0, "ruleIndex"));
        assertEquals("use-after-teleport", at(log, "runs", 0, "tool", "driver", "rules", 5, "id"));
    }

    @Test
    void uriEncodingKeepsPathCharactersAndEscapesTheRest() {
        assertEquals("a/b-c_d.e~/F.java", SarifReport.uri("a/b-c_d.e~/F.java"));
        assertEquals("my%20dir/%C3%A9t%C3%A9/X%23Y.java", SarifReport.uri("my dir/\u00e9t\u00e9/X#Y.java"));
    }
}
