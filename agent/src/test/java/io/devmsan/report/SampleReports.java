package io.devmsan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Report documents shaped like the runtime writes them (the xyz bug: a context stored in probe,
 * a file opened before unregister, an ioctl in flight across the unbind), with the parts the
 * tests vary as parameters.
 */
public final class SampleReports {

    public static final String HOLDER = "io.devmsan.fixtures.ScopedHolder";

    private SampleReports() {
    }

    /** A use-after-unbind of {@code resource} in ioctl, at ScopedHolder.java:29. */
    public static Map<String, Object> violation(String fingerprint, String resource, long count, boolean failing) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("rule", "use-after-unbind");
        v.put("resource", resource);
        v.put("accessKind", "read");
        v.put("device", "xyz.0");
        v.put("thread", "reader");
        v.put("access", JsonWriter.object("class", HOLDER, "method", "readContext", "file", "ScopedHolder.java",
                "line", 29L, "stack", List.of(
                        "io.devmsan.fixtures.ScopedHolder.readContext(ScopedHolder.java:29)",
                        "io.devmsan.fixtures.ViolatingProgram.lambda$main$1(ViolatingProgram.java:38)",
                        "io.devmsan.fixtures.FakeCdev$File.ioctl(FakeCdev.java:45)",
                        "java.base/java.lang.Thread.run(Thread.java:840)")));
        v.put("unbind", JsonWriter.object("kind", "unbind", "thread", "main", "stack", List.of(
                "io.devmsan.fixtures.FakeDriverCore.unbind(FakeDriverCore.java:18)",
                "io.devmsan.fixtures.ViolatingProgram.main(ViolatingProgram.java:45)")));
        v.put("allocation", JsonWriter.object("origin", "stored", "thread", "main", "stack", List.of(
                "io.devmsan.fixtures.ScopedHolder.store(ScopedHolder.java:33)",
                "io.devmsan.fixtures.FakeDriverCore.probe(FakeDriverCore.java:13)")));
        v.put("fileOperation", JsonWriter.object("name", "ioctl", "file", "/dev/xyz0", "cdev", "xyz0",
                "openedBeforeUnregister", true, "inFlightAcrossUnbind", true));
        v.put("entryPoint", null);
        v.put("explanation", "file opened before its cdev was unregistered; the device's bind scope was released "
                + "at unbind");
        v.put("fingerprint", fingerprint);
        v.put("count", count);
        v.put("failing", failing);
        v.put("timeline", List.of(
                event(0, "main", "probe", "generation 1"),
                event(120, "main", "cdev-add", "xyz0"),
                event(300, "main", "open", "/dev/xyz0"),
                event(410, "main", "unregister", "xyz0"),
                event(450, "main", "unbind-start", null),
                event(900, "main", "unbind-done", null),
                event(905, "main", "op-in-flight", "ioctl on /dev/xyz0 (thread reader)"),
                event(1500, "reader", "access", "read " + resource + " (use-after-unbind)")));
        return v;
    }

    static Map<String, Object> event(long tUs, String thread, String event, String detail) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("t_us", tUs);
        e.put("thread", thread);
        e.put("event", event);
        e.put("detail", detail);
        return e;
    }

    /** A JVM's report file with these violations; sources located under {@code /repo}. */
    public static String document(long pid, List<Map<String, Object>> violations) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("agent", JsonWriter.object("name", "devmsan", "version", "0.1.0-test", "jdk", "17.0.15", "pid", pid,
                "startedAt", "2025-01-01T00:00:00Z", "installed", true,
                "config", JsonWriter.object("onViolation", "record")));
        d.put("violations", new ArrayList<>(violations));
        d.put("sourceBase", "/repo");
        d.put("sources", JsonWriter.object(
                "io/devmsan/fixtures/ScopedHolder.java", "agent/src/test/java/io/devmsan/fixtures/ScopedHolder.java",
                "io/devmsan/fixtures/FakeDriverCore.java",
                "agent/src/test/java/io/devmsan/fixtures/FakeDriverCore.java"));
        d.put("transformFailures", 0L);
        d.put("transformFailureClasses", List.of());
        d.put("overflow", 0L);
        return JsonWriter.write(d, 1);
    }

    /** Writes {@code document} as the report file of JVM {@code pid} started at {@code startMillis}. */
    public static Path write(Path dir, long pid, long startMillis, String document) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("devmsan-" + pid + "-" + startMillis + ".json"), document,
                StandardCharsets.UTF_8);
    }
}
