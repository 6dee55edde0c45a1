package io.devmsan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The known violations a project has accepted for now, so that {@code check} fails only on new
 * ones. A text file, one violation per line, reviewable in a diff:
 *
 * <pre>
 * # comments and blank lines are ignored
 * e0f2793564ec7e84 use-after-unbind com.example.XyzContext#regs
 * </pre>
 *
 * <p>Only the first word, the fingerprint, counts; rule and resource are there for people.
 */
public final class Baseline {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{8,64}");

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Collections.unmodifiableSet(fingerprints);
    }

    /** An empty baseline: every violation is new. */
    public static Baseline empty() {
        return new Baseline(new LinkedHashSet<>());
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the file, the line and what is accepted, for a line
     *     that is neither a comment nor starts with a fingerprint
     */
    public static Baseline read(Path file) throws IOException {
        Set<String> fingerprints = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String first = line.split("\\s+", 2)[0];
            if (!FINGERPRINT.matcher(first).matches()) {
                String shown = first.length() > 40 ? first.substring(0, 40) + "..." : first;
                throw new IllegalArgumentException("baseline " + file + " line " + (i + 1) + ": '" + shown
                        + "' is not a fingerprint; expected lines '<fingerprint> <rule> <resource>' (hex fingerprints "
                        + "as the report files have them) or # comments");
            }
            fingerprints.add(first);
        }
        return new Baseline(fingerprints);
    }

    /** The file content listing {@code findings}, for {@code baseline --out}. */
    public static String render(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        out.append("# devmsan baseline: known violations that 'check --baseline' reports as KNOWN and does not fail on.\n")
                .append("# One per line: fingerprint, rule, resource. Only the fingerprint counts; # starts a comment.\n")
                .append("# Written by: java -jar devmsan-agent.jar baseline <dir>... --out <this file>\n");
        for (Finding finding : findings) {
            out.append(finding.fingerprint()).append(' ').append(finding.rule()).append(' ')
                    .append(finding.resource().replaceAll("\\s", "_")).append('\n');
        }
        return out.toString();
    }

    /** Whether the violation with this fingerprint is known. */
    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /** Every known fingerprint, in file order. */
    public Set<String> fingerprints() {
        return fingerprints;
    }
}
