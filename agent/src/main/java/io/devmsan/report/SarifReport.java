package io.devmsan.report;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReportSet} as SARIF 2.1.0 for code scanning: one rule per devmsan rule
 * ({@link RuleCatalog}), one result per fingerprint located at the access, a code flow telling
 * allocation, unregister, unbind and access, the three stacks, and the fingerprint as partial
 * fingerprint so that code scanning tracks the alert across commits.
 */
final class SarifReport {

    static final String SCHEMA =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    static final String FINGERPRINT_KEY = "devmsanFingerprint/v1";
    private static final String SRCROOT = "%SRCROOT%";

    private final ReportSet set;
    private final List<RuleCatalog.Rule> rules = new ArrayList<>(RuleCatalog.RULES);

    private SarifReport(ReportSet set) {
        this.set = set;
    }

    static String render(ReportSet set) {
        return new SarifReport(set).document();
    }

    private String document() {
        List<Object> results = new ArrayList<>();
        for (Finding finding : set.findings) {
            results.add(result(finding));
        }
        List<Object> ruleDescriptors = new ArrayList<>();
        for (RuleCatalog.Rule rule : rules) {
            ruleDescriptors.add(descriptor(rule));
        }
        Map<String, Object> driver = JsonWriter.object("name", "devmsan", "version", set.recordedBy(),
                "rules", ruleDescriptors);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", JsonWriter.object("driver", driver));
        if (set.sourceBase != null) {
            String base = Paths.get(set.sourceBase).toUri().toString();
            run.put("originalUriBaseIds", JsonWriter.object(SRCROOT,
                    JsonWriter.object("uri", base.endsWith("/") ? base : base + "/")));
        }
        run.put("invocations", List.of(invocation()));
        run.put("columnKind", "utf16CodeUnits");
        run.put("results", results);
        return JsonWriter.write(JsonWriter.object("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run)), 6);
    }

    private Map<String, Object> descriptor(RuleCatalog.Rule rule) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tags", List.of("security", "concurrency", "lifetime", "linux-driver"));
        properties.put("precision", "very-high");
        properties.put("problem.severity", "error");
        properties.put("security-severity", rule.securitySeverity());
        return JsonWriter.object("id", rule.id(), "name", rule.name(),
                "shortDescription", text(rule.shortDescription()),
                "fullDescription", text(rule.fullDescription()),
                "help", JsonWriter.object("text", rule.help(), "markdown", rule.help()),
                "defaultConfiguration", JsonWriter.object("level", "error"),
                "properties", properties);
    }

    private Map<String, Object> invocation() {
        List<Object> notifications = new ArrayList<>();
        for (Map<String, Object> failure : set.transformFailureClasses) {
            notifications.add(JsonWriter.object("level", "warning", "message", text("devmsan could not rewrite "
                    + failure.get("class") + " (it ran unchecked): " + failure.get("error"))));
        }
        if (set.overflow > 0) {
            notifications.add(JsonWriter.object("level", "warning", "message", text(set.overflow
                    + " occurrences of further violations were counted but not kept: the recorder was full")));
        }
        return JsonWriter.object("executionSuccessful", true,
                "toolExecutionNotifications", notifications.isEmpty() ? null : notifications);
    }

    private Map<String, Object> result(Finding finding) {
        int ruleIndex = ruleIndex(finding.rule());
        String explanation = finding.explanation();
        String message = finding.headline() + (explanation == null ? "." : ". " + Story.capitalized(explanation) + ".");

        List<Object> flow = new ArrayList<>();
        List<Story.Step> steps = Story.of(finding, set.sources);
        for (int i = 0; i < steps.size(); i++) {
            Story.Step step = steps.get(i);
            flow.add(JsonWriter.object("location", location(step.frame(), step.text()),
                    "kinds", kinds(step.kind()), "executionOrder", (long) i + 1, "importance", "essential",
                    "properties", JsonWriter.object("event", step.kind())));
        }
        Map<String, Object> codeFlow = JsonWriter.object("message", text("allocation, unregister, unbind, access"),
                "threadFlows", List.of(JsonWriter.object("locations", flow)));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("count", finding.count());
        properties.put("device", finding.device());
        properties.put("fileOperation", finding.fileOperation());
        properties.put("accessKind", finding.accessKind());
        properties.put("resource", finding.resource());
        properties.put("failing", finding.failing());

        Frame access = new Frame(String.valueOf(finding.accessClass()), String.valueOf(finding.accessMethod()),
                finding.accessFile(), finding.accessLine());
        return JsonWriter.object("ruleId", finding.rule(), "ruleIndex", (long) ruleIndex,
                "level", finding.failing() ? "error" : "warning",
                "message", text(message),
                "locations", List.of(location(finding.accessClass() == null ? null : access, null)),
                "codeFlows", List.of(codeFlow),
                "stacks", List.of(stack("Access on thread \"" + finding.thread() + "\"", finding.accessStack()),
                        stack("Released (" + finding.unbindKind() + ")", finding.unbindStack()),
                        stack("Allocated (" + finding.allocationOrigin() + ")", finding.allocationStack())),
                "partialFingerprints", JsonWriter.object(FINGERPRINT_KEY, finding.fingerprint()),
                "occurrenceCount", finding.count() > 0 ? finding.count() : null,
                "properties", properties);
    }

    private Map<String, Object> stack(String title, List<String> frames) {
        List<Object> sarifFrames = new ArrayList<>();
        for (String text : frames) {
            sarifFrames.add(JsonWriter.object("location", location(Frame.parse(text), text)));
        }
        return JsonWriter.object("message", text(title), "frames", sarifFrames);
    }

    /**
     * A location: the repository-relative file when its source was found, else the package path
     * and file name (code scanning may still match it); the method as logical location.
     */
    private Map<String, Object> location(Frame frame, String message) {
        if (frame == null) {
            return JsonWriter.object("message", message == null ? null : text(message));
        }
        Map<String, Object> physical = null;
        String key = frame.sourceKey();
        if (key != null) {
            String located = set.sources.get(key);
            Map<String, Object> artifact = JsonWriter.object("uri", uri(located != null ? located : key),
                    "uriBaseId", located != null && set.sourceBase != null ? SRCROOT : null);
            physical = JsonWriter.object("artifactLocation", artifact,
                    "region", frame.line() > 0 ? JsonWriter.object("startLine", (long) frame.line()) : null);
        }
        return JsonWriter.object("physicalLocation", physical,
                "logicalLocations", List.of(JsonWriter.object("fullyQualifiedName",
                        frame.className() + "." + frame.method(), "kind", "function")),
                "message", message == null ? null : text(message));
    }

    private int ruleIndex(String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        rules.add(RuleCatalog.rule(id));
        return rules.size() - 1;
    }

    private static List<Object> kinds(String step) {
        switch (step) {
            case "allocation":
                return List.of("acquire", "memory");
            case "unbind":
                return List.of("release", "memory");
            case "access":
                return List.of("danger", "memory");
            default:
                return List.of("resource");
        }
    }

    private static Map<String, Object> text(String text) {
        return JsonWriter.object("text", text);
    }

    /** A relative URI reference: path characters kept, everything else percent-encoded as UTF-8. */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
