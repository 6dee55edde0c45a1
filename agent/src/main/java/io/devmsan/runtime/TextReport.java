package io.devmsan.runtime;

import java.util.List;

/**
 * The KASAN-style text block of a violation, as printed on the console: what was accessed, where
 * and in which operation, who freed it, who allocated it, and the device's recent lifecycle.
 */
final class TextReport {

    static final String RULER = "==================================================================";

    private TextReport() {
    }

    static String render(RecordedViolation v) {
        StringBuilder out = new StringBuilder(2048);
        out.append(RULER).append('\n');
        out.append("BUG: devmsan: ").append(v.rule()).append(" in ").append(v.accessLocation()).append('\n');
        out.append(capitalized(v.accessKind())).append(" of ").append(v.resource())
                .append(" by thread \"").append(v.thread()).append('"');
        Violation.FileOperation op = v.fileOperation();
        if (op != null) {
            out.append(" in file operation ").append(op.name());
        }
        if (v.entryPoint() != null) {
            out.append(op == null ? " in entry point " : " (entry point ").append(v.entryPoint())
                    .append(op == null ? "" : ")");
        }
        out.append('\n');
        if (op != null) {
            out.append("  file ").append(op.file());
            if (op.cdev() != null) {
                out.append(" on cdev ").append(op.cdev());
            }
            out.append('\n');
        }
        out.append("  ").append(v.explanation()).append('\n');
        stack(out, v.accessStack(), "(no stack)");
        out.append('\n');

        StackInfo release = v.release();
        out.append(release.heading()).append(":\n");
        stack(out, release.stack(), "(no stack recorded)");
        out.append('\n');

        StackInfo allocation = v.allocation();
        out.append(allocation.heading()).append(":\n");
        stack(out, allocation.stack(), "(no allocation stack: provenance none)");
        out.append('\n');

        out.append("Lifecycle of device ").append(v.device()).append(":\n");
        for (TimelineEntry entry : v.timelineEntries()) {
            out.append(entry.toText()).append('\n');
        }
        out.append("SUMMARY: devmsan: ").append(v.rule()).append(' ').append(v.resource())
                .append(" (fingerprint ").append(v.fingerprint()).append(")\n");
        out.append(RULER).append('\n');
        return out.toString();
    }

    private static void stack(StringBuilder out, List<String> frames, String whenEmpty) {
        if (frames.isEmpty()) {
            out.append("  ").append(whenEmpty).append('\n');
        }
        for (String frame : frames) {
            out.append("  ").append(frame).append('\n');
        }
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
