package io.devmsan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The violations of one or more report files, merged: one {@link Finding} per fingerprint in the
 * order first seen, its details from the first file that has it, its count summed over all files.
 * Renders itself as merged JSON, SARIF and HTML. Immutable.
 *
 * <pre>{@code
 * ReportSet reports = ReportSet.load(List.of(Path.of("target/devmsan")));
 * reports.problems().forEach(System.err::println);   // unreadable files, one line each
 * Files.writeString(Path.of("devmsan.sarif"), reports.toSarif());
 * }</pre>
 */
public final class ReportSet {

    /** Report files of single JVMs: {@code devmsan-<pid>-<startMillis>.json}. */
    private static final Pattern REPORT_FILE = Pattern.compile("devmsan-(\\d+)-(\\d+)\\.json");

    final List<Finding> findings;
    final List<Map<String, Object>> inputs;
    final Map<String, String> sources;
    final String sourceBase;
    final long transformFailures;
    final List<Map<String, Object>> transformFailureClasses;
    final long overflow;
    private final List<Path> files;
    private final List<String> problems;

    private ReportSet(List<Finding> findings, List<Map<String, Object>> inputs, Map<String, String> sources,
            String sourceBase, long transformFailures, List<Map<String, Object>> transformFailureClasses,
            long overflow, List<Path> files, List<String> problems) {
        this.findings = List.copyOf(findings);
        this.inputs = List.copyOf(inputs);
        this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
        this.sourceBase = sourceBase;
        this.transformFailures = transformFailures;
        this.transformFailureClasses = List.copyOf(transformFailureClasses);
        this.overflow = overflow;
        this.files = List.copyOf(files);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads one report document (a JVM's file or a merged one).
     *
     * @param json the document
     * @param origin where it came from, for {@link #inputs} and messages
     * @throws IllegalArgumentException when it is not JSON or not a devmsan report: one line, with
     *     the line and column or the member that is wrong
     */
    public static ReportSet fromJson(String json, String origin) {
        Map<String, Object> document = Members.object(JsonReader.parse(json), "the document");
        if (!(document.get("violations") instanceof List)) {
            throw new IllegalArgumentException("not a devmsan report: it has no \"violations\" array");
        }
        List<Finding> findings = new ArrayList<>();
        List<Object> violations = Members.array(document, "violations", "");
        for (int i = 0; i < violations.size(); i++) {
            findings.add(Finding.read(violations.get(i), "violations[" + i + "]"));
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<Object> listed = Members.array(document, "inputs", "");
        if (listed.isEmpty()) {
            Map<String, Object> agent = new LinkedHashMap<>(Members.optionalObject(document, "agent", ""));
            agent.remove("config");
            agent.remove("name");
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("file", origin);
            input.putAll(agent);
            inputs.add(input);
        } else {
            for (int i = 0; i < listed.size(); i++) {
                inputs.add(Members.object(listed.get(i), "inputs[" + i + "]"));
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : Members.optionalObject(document, "sources", "").entrySet()) {
            if (entry.getValue() instanceof String) {
                sources.put(entry.getKey(), (String) entry.getValue());
            }
        }
        List<Map<String, Object>> failureClasses = new ArrayList<>();
        List<Object> failures = Members.array(document, "transformFailureClasses", "");
        for (int i = 0; i < failures.size(); i++) {
            failureClasses.add(Members.object(failures.get(i), "transformFailureClasses[" + i + "]"));
        }
        return new ReportSet(findings, inputs, sources, Members.string(document, "sourceBase", ""),
                Members.number(document, "transformFailures", "", 0), failureClasses,
                Members.number(document, "overflow", "", 0), List.of(), List.of()).deduplicated();
    }

    /**
     * Reads and merges the report files in these directories ({@code devmsan-*.json}, not
     * recursive) and these files. A file that cannot be read or parsed is left out and named in
     * {@link #problems()}; the others still count.
     *
     * @throws IllegalArgumentException naming a path that is neither a directory nor a file
     */
    public static ReportSet load(List<Path> dirsAndFiles) {
        List<Path> candidates = new ArrayList<>();
        for (Path path : dirsAndFiles) {
            if (Files.isDirectory(path)) {
                candidates.addAll(reportFilesIn(path));
            } else if (Files.isRegularFile(path)) {
                candidates.add(path);
            } else {
                throw new IllegalArgumentException(path + " does not exist; expected a report directory or a "
                        + "devmsan-*.json file");
            }
        }
        List<ReportSet> parts = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : candidates) {
            try {
                parts.add(fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
                read.add(file);
            } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
                problems.add("devmsan: cannot read report " + file + ": " + oneLine(e) + "; skipped, the other "
                        + "files still count");
            }
        }
        ReportSet merged = merge(parts);
        return new ReportSet(merged.findings, merged.inputs, merged.sources, merged.sourceBase,
                merged.transformFailures, merged.transformFailureClasses, merged.overflow, read, problems);
    }

    /** Merges report sets: findings by fingerprint (first details, summed counts), everything else summed or joined. */
    public static ReportSet merge(List<ReportSet> parts) {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<Object, Map<String, Object>> failureClasses = new LinkedHashMap<>();
        String sourceBase = null;
        long transformFailures = 0;
        long overflow = 0;
        for (ReportSet part : parts) {
            for (Finding finding : part.findings) {
                byFingerprint.merge(finding.fingerprint(), finding, (first, later) -> first.merged(
                        first.count() + later.count(), first.failing() || later.failing()));
            }
            inputs.addAll(part.inputs);
            part.sources.forEach(sources::putIfAbsent);
            part.transformFailureClasses.forEach(c -> failureClasses.putIfAbsent(c.get("class"), c));
            sourceBase = sourceBase != null ? sourceBase : part.sourceBase;
            transformFailures += part.transformFailures;
            overflow += part.overflow;
        }
        return new ReportSet(new ArrayList<>(byFingerprint.values()), inputs, sources, sourceBase, transformFailures,
                new ArrayList<>(failureClasses.values()), overflow, List.of(), List.of());
    }

    /** One finding per fingerprint, in first-seen order, counts summed over the merged files. */
    public List<Finding> findings() {
        return findings;
    }

    /** The report files read by {@link #load}, in the order merged. */
    public List<Path> files() {
        return files;
    }

    /** One line per file {@link #load} could not read, naming it and what was wrong. */
    public List<String> problems() {
        return problems;
    }

    /** The merged report in the report-file format (docs/report-format.md), with an {@code inputs} list. */
    public String toJson(String version) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("agent", JsonWriter.object("name", "devmsan", "version", version, "merged", true));
        document.put("inputs", inputs);
        List<Object> violations = new ArrayList<>();
        findings.forEach(f -> violations.add(f.toJsonValue()));
        document.put("violations", violations);
        document.put("sourceBase", sourceBase);
        document.put("sources", sources);
        document.put("transformFailures", transformFailures);
        document.put("transformFailureClasses", transformFailureClasses);
        document.put("overflow", overflow);
        return JsonWriter.write(document, 2);
    }

    /** The merged report as SARIF 2.1.0. */
    public String toSarif() {
        return SarifReport.render(this);
    }

    /** The merged report as one self-contained HTML page. */
    public String toHtml() {
        return HtmlReport.render(this);
    }

    /** The agent version that recorded the first input, or {@code unknown}. */
    String recordedBy() {
        for (Map<String, Object> input : inputs) {
            if (input.get("version") instanceof String) {
                return (String) input.get("version");
            }
        }
        return "unknown";
    }

    /** A file's duplicate fingerprints (a hand-edited report) merge like findings of separate files. */
    private ReportSet deduplicated() {
        return new ReportSet(merge(List.of(this)).findings, inputs, sources, sourceBase, transformFailures,
                transformFailureClasses, overflow, files, problems);
    }

    /** {@code devmsan-*.json} in {@code dir}, oldest JVM first (by the start time in the name). */
    private static List<Path> reportFilesIn(Path dir) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "devmsan-*.json")) {
            stream.forEach(found::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + oneLine(e));
        }
        found.sort(Comparator.comparingLong(ReportSet::startMillis).thenComparing(p -> p.getFileName().toString()));
        return found;
    }

    private static long startMillis(Path file) {
        Matcher matcher = REPORT_FILE.matcher(file.getFileName().toString());
        try {
            return matcher.matches() ? Long.parseLong(matcher.group(2)) : Long.MAX_VALUE;
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IOException && !(e.getMessage() != null && e.getMessage().contains(" "))) {
            message = e.getClass().getSimpleName() + " " + message;
        }
        return message.replaceAll("[\\r\\n]+", " ");
    }
}
