package io.devmsan.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** For the agent's integration tests: finds and parses (strictly) the report file a JVM wrote. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The report file the JVM with {@code pid} wrote into {@code dir}; fails unless there is exactly one. */
    public static Path of(Path dir, long pid) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> mine = files.filter(p -> p.getFileName().toString().matches("devmsan-" + pid + "-\\d+\\.json"))
                    .collect(Collectors.toList());
            if (mine.size() != 1) {
                throw new AssertionError("expected one report of pid " + pid + " in " + dir + ", found " + mine);
            }
            return mine.get(0);
        }
    }

    /** The report as maps, lists, strings, longs and booleans. */
    public static Map<String, Object> read(Path file) {
        try {
            return MiniJson.object(MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's violations. */
    public static List<Map<String, Object>> violations(Map<String, Object> report) {
        return MiniJson.array(report.get("violations")).stream().map(MiniJson::object).collect(Collectors.toList());
    }

    /** A nested object of {@code map}. */
    public static Map<String, Object> object(Map<String, Object> map, String key) {
        return MiniJson.object(map.get(key));
    }

    /** A nested array of {@code map}. */
    public static List<Object> array(Map<String, Object> map, String key) {
        return MiniJson.array(map.get(key));
    }
}
