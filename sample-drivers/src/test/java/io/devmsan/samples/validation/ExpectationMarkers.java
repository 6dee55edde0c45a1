package io.devmsan.samples.validation;

import io.devmsan.runtime.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the expectations written next to the driver code: a line that the agent must flag carries
 * {@code // devmsan: expect <rule>}. The marker belongs to every scenario whose home package holds
 * the file; shared code (the model, or a package two scenarios share) names its scenarios:
 * {@code // devmsan: expect <rule> (scenario-id, other-id)}. One line may expect several rules:
 * {@code // devmsan: expect unbind-race, unfenced-access}.
 */
final class ExpectationMarkers {

    static final Path SOURCES = Paths.get("src", "main", "java");

    /** {@code expect rule} or {@code expect rule, rule}, optionally followed by {@code (scenario-id, ...)}. */
    private static final Pattern MARKER = Pattern.compile(
            "//\\s*devmsan:\\s*expect\\s+([a-z][a-z-]*(?:\\s*,\\s*[a-z][a-z-]*)*)(?:\\s*\\(([^)]*)\\))?");

    /**
     * Rules only an exploration or the fence analysis reports: a story played once never produces
     * them, so they are checked by the corpus exploration test, and by the validation test only for
     * explored scenarios.
     */
    static final Set<String> EXPLORATION_RULES = Set.of("unbind-race", "unbind-hang", "unfenced-access");

    private ExpectationMarkers() {
    }

    /** The marked places that belong to the scenario with this id and home class. */
    static Set<Place> forScenario(String id, Class<?> home) {
        Path homeDir = SOURCES.resolve(home.getPackageName().replace('.', '/'));
        Set<Place> places = new TreeSet<>();
        for (Marker marker : all()) {
            boolean applies = marker.scenarios.isEmpty()
                    ? marker.file.getParent().equals(homeDir)
                    : marker.scenarios.contains(id);
            if (applies) {
                places.add(new Place(SOURCES.relativize(marker.file).toString(), marker.line, marker.rule));
            }
        }
        return places;
    }

    /** Where the agent flagged {@code violation}: its source path under src/main/java, line and rule. */
    static Place placeOf(Violation violation) {
        String type = violation.accessClass();
        String packagePath = type.contains(".") ? type.substring(0, type.lastIndexOf('.')).replace('.', '/') : "";
        String file = (packagePath.isEmpty() ? "" : packagePath + "/") + violation.accessFile();
        return new Place(file, violation.accessLine(), violation.rule());
    }

    /** Every marker under src/main/java. */
    static List<Marker> all() {
        List<Marker> markers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = MARKER.matcher(lines.get(i));
                    if (matcher.find()) {
                        List<String> scenarios = matcher.group(2) == null ? List.of()
                                : Arrays.stream(matcher.group(2).split(",")).map(String::trim)
                                        .filter(s -> !s.isEmpty()).collect(Collectors.toList());
                        for (String rule : matcher.group(1).split(",")) {
                            markers.add(new Marker(file, i + 1, rule.trim(), scenarios));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample sources under " + SOURCES.toAbsolutePath(), e);
        }
        return markers;
    }

    /** One marker comment. */
    static final class Marker {
        final Path file;
        final int line;
        final String rule;
        final List<String> scenarios;

        Marker(Path file, int line, String rule, List<String> scenarios) {
            this.file = file;
            this.line = line;
            this.rule = rule;
            this.scenarios = scenarios;
        }
    }

    /** A flagged (or to be flagged) place: source path under src/main/java, line and rule. */
    record Place(String file, int line, String rule) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            int byFile = file.compareTo(other.file);
            if (byFile != 0) {
                return byFile;
            }
            return line != other.line ? Integer.compare(line, other.line) : rule.compareTo(other.rule);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }
}
