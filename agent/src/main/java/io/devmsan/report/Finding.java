package io.devmsan.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One violation as a report file holds it (see docs/report-format.md), read back for merging,
 * checking and rendering. Immutable. Members this version does not know are kept, so that merging
 * reports of a newer agent loses nothing.
 */
public final class Finding {

    private final Map<String, Object> json;
    private final long count;
    private final boolean failing;
    private final List<TimelineStep> timeline;

    private Finding(Map<String, Object> json, long count, boolean failing, List<TimelineStep> timeline) {
        this.json = json;
        this.count = count;
        this.failing = failing;
        this.timeline = timeline;
    }

    /**
     * Reads one element of a report's {@code violations} array.
     *
     * @throws IllegalArgumentException naming the member ({@code where}) that is missing or of the wrong type
     */
    static Finding read(Object element, String where) {
        Map<String, Object> json = Members.object(element, where);
        for (String required : new String[] {"rule", "resource", "fingerprint"}) {
            if (Members.string(json, required, where) == null) {
                throw new IllegalArgumentException(where + "." + required + " is missing; expected a string");
            }
        }
        long count = Members.number(json, "count", where, 1);
        if (count < 0) {
            throw new IllegalArgumentException(where + ".count is " + count + "; expected 0 or more");
        }
        boolean failing = Members.bool(json, "failing", where, true);
        List<TimelineStep> timeline = new ArrayList<>();
        List<Object> events = Members.array(json, "timeline", where);
        for (int i = 0; i < events.size(); i++) {
            String at = where + ".timeline[" + i + "]";
            Map<String, Object> event = Members.object(events.get(i), at);
            timeline.add(new TimelineStep(Members.number(event, "t_us", at, 0), Members.string(event, "thread", at),
                    String.valueOf(Members.string(event, "event", at)), Members.string(event, "detail", at)));
        }
        // Nested members are checked now, so that rendering never meets a wrong type.
        for (String part : new String[] {"access", "unbind", "allocation"}) {
            Map<String, Object> section = Members.optionalObject(json, part, where);
            Members.stringList(section, "stack", where + "." + part);
        }
        Members.optionalObject(json, "fileOperation", where);
        return new Finding(json, count, failing, List.copyOf(timeline));
    }

    /** The same finding with another count and failing flag (for merging). */
    Finding merged(long newCount, boolean newFailing) {
        return new Finding(json, newCount, newFailing, timeline);
    }

    /** Stable rule id, such as {@code use-after-unbind}. */
    public String rule() {
        return (String) json.get("rule");
    }

    /** What was accessed, such as {@code com.example.XyzContext#regs}. */
    public String resource() {
        return (String) json.get("resource");
    }

    /** Stable across runs: rule, resource and access site, no line numbers. */
    public String fingerprint() {
        return (String) json.get("fingerprint");
    }

    /** Occurrences (summed over the merged files). */
    public long count() {
        return count;
    }

    /** False when every file recorded it with {@code onViolation=log}: informational, not failing. */
    public boolean failing() {
        return failing;
    }

    /** Binary name of the class containing the access, or null when the report did not say. */
    public String accessClass() {
        return section("access", "class");
    }

    /** The method containing the access, or null. */
    public String accessMethod() {
        return section("access", "method");
    }

    /** The source file of the access, or null. */
    public String accessFile() {
        return section("access", "file");
    }

    /** The source line of the access, or -1. */
    public int accessLine() {
        Object line = Members.optionalObject(json, "access", "").get("line");
        return line instanceof Long ? (int) (long) (Long) line : -1;
    }

    /** {@code Y.java:42}, {@code Y.java} or {@code unknown}: where the access is, for one-line summaries. */
    public String location() {
        String file = accessFile();
        if (file == null) {
            return "unknown";
        }
        return accessLine() > 0 ? file + ":" + accessLine() : file;
    }

    /**
     * One sentence for people: {@code use-after-unbind: read of a.B#c in file operation ioctl after
     * device xyz.0 was unbound}.
     */
    String headline() {
        StringBuilder out = new StringBuilder(rule()).append(": ").append(accessKind()).append(" of ")
                .append(resource());
        if (fileOperation() != null) {
            out.append(" in file operation ").append(fileOperation());
        } else if (entryPoint() != null) {
            out.append(" in entry point ").append(entryPoint());
        }
        switch (unbindKind()) {
            case "failed-probe":
                return out.append(" after the probe of device ").append(device()).append(" failed").toString();
            case "free":
                return out.append(" after it was freed").toString();
            default:
                return out.append(" after device ").append(device()).append(" was unbound").toString();
        }
    }

    /** {@code read}, {@code write} or {@code call}. */
    String accessKind() {
        return text("accessKind", "access");
    }

    String device() {
        return text("device", "unknown device");
    }

    String thread() {
        return text("thread", "unknown");
    }

    String explanation() {
        return (String) json.get("explanation");
    }

    String entryPoint() {
        return (String) json.get("entryPoint");
    }

    List<String> accessStack() {
        return stack("access");
    }

    List<String> unbindStack() {
        return stack("unbind");
    }

    List<String> allocationStack() {
        return stack("allocation");
    }

    /** unbind, failed-probe or free. */
    String unbindKind() {
        String kind = section("unbind", "kind");
        return kind == null ? "unbind" : kind;
    }

    String unbindThread() {
        return section("unbind", "thread");
    }

    /** probe, allocated, stored or adopted. */
    String allocationOrigin() {
        return section("allocation", "origin");
    }

    String allocationThread() {
        return section("allocation", "thread");
    }

    /** The file operation's name, such as {@code ioctl}, or null when the access was not in one. */
    String fileOperation() {
        return section("fileOperation", "name");
    }

    String fileOperationFile() {
        return section("fileOperation", "file");
    }

    String fileOperationCdev() {
        return section("fileOperation", "cdev");
    }

    boolean openedBeforeUnregister() {
        return Boolean.TRUE.equals(Members.optionalObject(json, "fileOperation", "").get("openedBeforeUnregister"));
    }

    boolean inFlightAcrossUnbind() {
        return Boolean.TRUE.equals(Members.optionalObject(json, "fileOperation", "").get("inFlightAcrossUnbind"));
    }

    List<TimelineStep> timeline() {
        return timeline;
    }

    /** The report-file form, with this finding's count and failing flag. */
    Map<String, Object> toJsonValue() {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.put("count", count);
        copy.put("failing", failing);
        return Collections.unmodifiableMap(copy);
    }

    private String text(String name, String fallback) {
        Object value = json.get(name);
        return value instanceof String ? (String) value : fallback;
    }

    private String section(String section, String name) {
        Object value = Members.optionalObject(json, section, "").get(name);
        return value instanceof String ? (String) value : null;
    }

    private List<String> stack(String section) {
        return Members.stringList(Members.optionalObject(json, section, ""), "stack", section);
    }

    @Override
    public String toString() {
        return rule() + " " + resource() + " at " + location() + " count=" + count + " [" + fingerprint() + "]";
    }

    /** One lifecycle event of the device, as the report's {@code timeline} holds it. */
    record TimelineStep(long tUs, String thread, String event, String detail) {
    }
}
