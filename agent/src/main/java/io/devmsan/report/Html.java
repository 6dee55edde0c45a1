package io.devmsan.report;

/**
 * Escaping for the HTML report. Every string that comes from a report (resource, device, thread
 * and file names, stack frames) goes through here: a driver may name a device {@code <script>}.
 */
final class Html {

    private Html() {
    }

    /** Escapes for text content and for attribute values in double or single quotes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default:
                    // Control characters other than tab and newline are not allowed in HTML text.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters, with an ellipsis when cut; escaped. */
    static String shortened(String text, int max) {
        String value = text == null ? "" : text;
        return escape(value.length() <= max ? value : value.substring(0, Math.max(1, max - 1)) + "\u2026");
    }

    /** {@code +120µs}, {@code +1.5ms}, {@code +2.25s}. */
    static String micros(long us) {
        if (us < 1_000) {
            return "+" + us + "\u00b5s";
        }
        if (us < 1_000_000) {
            return "+" + trimmed(us / 1_000.0) + "ms";
        }
        return "+" + trimmed(us / 1_000_000.0) + "s";
    }

    private static String trimmed(double value) {
        String text = String.format(java.util.Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
