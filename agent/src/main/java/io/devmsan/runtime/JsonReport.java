package io.devmsan.runtime;

import io.devmsan.report.SourceLocator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of violations and of the report file. The {@code access.stack},
 * {@code unbind.stack} and {@code allocation.stack} arrays of strings are a contract that CI
 * tooling relies on.
 */
final class JsonReport {

    private JsonReport() {
    }

    /**
     * The whole report file: agent, violations (total counts), where their sources are, transform
     * failures, overflow. {@code sources} is null when no source lookup is wanted.
     */
    static String document(List<RecordedViolation> violations, long overflow, TransformFailures failures,
            SourceLocator sources) {
        RuntimeConfig config = Core.config();
        Json json = new Json();
        json.beginObject();
        json.name("agent").beginObject()
                .name("name").value("devmsan")
                .name("version").value(Core.version())
                .name("jdk").value(System.getProperty("java.version"))
                .name("pid").value(Reports.pid())
                .name("startedAt").value(Instant.ofEpochMilli(Core.startMillis()).toString())
                .name("installed").value(Core.installed())
                .name("config").beginObject()
                .name("onViolation").value(Core.config().onViolation().option())
                .name("provenance").value(Core.config().provenance().option())
                .name("stackDepth").value(Core.config().stackDepth())
                .name("formats").beginArray();
        for (RuntimeConfig.Format format : config.formats()) {
            json.value(format.option());
        }
        json.endArray().name("sourceRoots").beginArray();
        for (Path root : config.sourceRoots()) {
            json.value(root.toString());
        }
        json.endArray()
                .endObject()
                .name("workingDir").value(System.getProperty("user.dir"))
                .endObject();
        json.newline().name("violations").beginArray();
        for (RecordedViolation violation : violations) {
            json.newline();
            writeViolation(json, violation);
        }
        json.endArray();
        json.newline().name("sourceBase").value(sources == null ? null : sources.base().toString());
        json.newline().name("sources").beginObject();
        for (Map.Entry<String, String> source : located(violations, sources).entrySet()) {
            json.name(source.getKey()).value(source.getValue());
        }
        json.endObject();
        json.newline().name("transformFailures").value(failures.count());
        json.name("transformFailureClasses").beginArray();
        for (String[] failure : failures.first()) {
            json.beginObject().name("class").value(failure[0]).name("error").value(failure[1]).endObject();
        }
        json.endArray();
        json.name("overflow").value(overflow);
        json.endObject().newline();
        return json.toString();
    }

    /**
     * The repository-relative source paths of the classes in the violations' access sites and
     * stacks, by source key ({@code a/b/C.java}), so that SARIF made later from this file (by the
     * {@code report} command, in another working directory) still points at the right files.
     */
    private static Map<String, String> located(List<RecordedViolation> violations, SourceLocator sources) {
        Map<String, String> located = new TreeMap<>();
        if (sources == null) {
            return located;
        }
        for (RecordedViolation v : violations) {
            sources.locateClass(v.accessClass(), v.accessFile(), located);
            located.putAll(sources.locateFrames(v.accessStack()));
            located.putAll(sources.locateFrames(v.unbindStack()));
            located.putAll(sources.locateFrames(v.allocationStack()));
        }
        return located;
    }

    static void writeViolation(Json json, RecordedViolation v) {
        json.beginObject()
                .name("rule").value(v.rule())
                .name("resource").value(v.resource())
                .name("accessKind").value(v.accessKind())
                .name("device").value(v.device())
                .name("thread").value(v.thread());
        json.name("access").beginObject()
                .name("class").value(v.accessClass())
                .name("method").value(v.accessMethod())
                .name("file").value(v.accessFile())
                .name("line").value(v.accessLine())
                .name("stack").stringArray(v.accessStack())
                .endObject();
        StackInfo release = v.release();
        json.name("unbind").beginObject()
                .name("kind").value(release.kind())
                .name("thread").value(release.thread())
                .name("stack").stringArray(release.stack())
                .endObject();
        StackInfo allocation = v.allocation();
        json.name("allocation").beginObject()
                .name("origin").value(allocation.kind())
                .name("thread").value(allocation.thread())
                .name("stack").stringArray(allocation.stack())
                .endObject();
        Violation.FileOperation op = v.fileOperation();
        json.name("fileOperation");
        if (op == null) {
            json.nullValue();
        } else {
            json.beginObject()
                    .name("name").value(op.name())
                    .name("file").value(op.file())
                    .name("cdev").value(op.cdev())
                    .name("openedBeforeUnregister").value(op.openedBeforeUnregister())
                    .name("inFlightAcrossUnbind").value(op.inFlightAcrossUnbind())
                    .endObject();
        }
        json.name("entryPoint").value(v.entryPoint())
                .name("explanation").value(v.explanation())
                .name("fingerprint").value(v.fingerprint())
                .name("count").value(v.count())
                .name("failing").value(v.failing());
        json.name("timeline").beginArray();
        for (TimelineEntry entry : v.timelineEntries()) {
            json.beginObject()
                    .name("t_us").value(entry.tUs())
                    .name("thread").value(entry.thread())
                    .name("event").value(entry.event())
                    .name("detail").value(entry.detail())
                    .endObject();
        }
        json.endArray();
        json.endObject();
    }
}
