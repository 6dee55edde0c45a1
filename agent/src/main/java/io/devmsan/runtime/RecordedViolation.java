package io.devmsan.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A violation as recorded at its first occurrence: immutable, equal per fingerprint. Copies with
 * another count are made for {@link Devmsan#since} and reports.
 */
final class RecordedViolation implements Violation {

    private final String rule;
    private final String resource;
    private final String device;
    private final String thread;
    private final Site site;
    private final List<String> accessStack;
    private final StackInfo release;
    private final StackInfo allocation;
    private final FileOperationInfo fileOperation;
    private final String entryPoint;
    private final String explanation;
    private final List<TimelineEntry> timeline;
    private final String fingerprint;
    private final boolean failing;
    private final long count;

    RecordedViolation(String rule, String device, String thread, Site site, List<String> accessStack,
            StackInfo release, StackInfo allocation, FileOperationInfo fileOperation, String entryPoint,
            String explanation, List<TimelineEntry> timeline, boolean failing) {
        this(rule, device, thread, site, List.copyOf(accessStack), release, allocation, fileOperation,
                entryPoint, explanation, List.copyOf(timeline), site.fingerprint(rule), failing, 1);
    }

    private RecordedViolation(String rule, String device, String thread, Site site, List<String> accessStack,
            StackInfo release, StackInfo allocation, FileOperationInfo fileOperation, String entryPoint,
            String explanation, List<TimelineEntry> timeline, String fingerprint, boolean failing, long count) {
        this.rule = rule;
        this.resource = site.resource;
        this.device = device;
        this.thread = thread;
        this.site = site;
        this.accessStack = accessStack;
        this.release = release;
        this.allocation = allocation;
        this.fileOperation = fileOperation;
        this.entryPoint = entryPoint;
        this.explanation = explanation;
        this.timeline = timeline;
        this.fingerprint = fingerprint;
        this.failing = failing;
        this.count = count;
    }

    /** The same violation with another count. */
    RecordedViolation withCount(long newCount) {
        return new RecordedViolation(rule, device, thread, site, accessStack, release, allocation,
                fileOperation, entryPoint, explanation, timeline, fingerprint, failing, newCount);
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public String accessKind() {
        return site.accessKind();
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String thread() {
        return thread;
    }

    @Override
    public String accessClass() {
        return site.className;
    }

    @Override
    public String accessMethod() {
        return site.methodName;
    }

    @Override
    public String accessFile() {
        return site.sourceFile;
    }

    @Override
    public int accessLine() {
        return site.line;
    }

    @Override
    public List<String> accessStack() {
        return accessStack;
    }

    @Override
    public List<String> unbindStack() {
        return release.stack();
    }

    @Override
    public List<String> allocationStack() {
        return allocation.stack();
    }

    @Override
    public FileOperation fileOperation() {
        return fileOperation;
    }

    @Override
    public String entryPoint() {
        return entryPoint;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public boolean failing() {
        return failing;
    }

    @Override
    public List<Violation.TimelineEvent> timeline() {
        return List.<Violation.TimelineEvent>copyOf(timeline);
    }

    @Override
    public String toText() {
        return TextReport.render(this);
    }

    @Override
    public String toJson() {
        Json json = new Json();
        JsonReport.writeViolation(json, this);
        return json.toString();
    }

    /** Where the access is, like a stack frame. */
    String accessLocation() {
        return site.location();
    }

    StackInfo release() {
        return release;
    }

    StackInfo allocation() {
        return allocation;
    }

    String explanation() {
        return explanation;
    }

    List<TimelineEntry> timelineEntries() {
        return timeline;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedViolation && ((RecordedViolation) other).fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fingerprint);
    }

    @Override
    public String toString() {
        return rule + " " + resource + " at " + accessLocation() + " (fingerprint " + fingerprint + ", count " + count + ")";
    }
}
