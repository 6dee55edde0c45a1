package io.devmsan.report;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the plain values {@link JsonReader} produces (maps, lists, strings, numbers, booleans,
 * null) back as JSON, escaping strings per RFC 8259 (control characters, quotes, backslashes,
 * U+2028/U+2029, and lone surrogates, which UTF-8 cannot carry).
 *
 * <p>Containers nested less than {@code indentDepth} deep are laid out one member per line, deeper
 * ones on one line: the report files stay diffable (one violation per line) without growing
 * much.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(8192);
    private final int indentDepth;

    private JsonWriter(int indentDepth) {
        this.indentDepth = indentDepth;
    }

    /** {@code value} as JSON, containers above {@code indentDepth} laid out one member per line. */
    static String write(Object value, int indentDepth) {
        JsonWriter writer = new JsonWriter(indentDepth);
        writer.value(value, 0);
        return writer.out.append('\n').toString();
    }

    /**
     * An object from name/value pairs, in order, leaving out members whose value is null (SARIF
     * forbids null for most properties).
     */
    static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object(...) takes name/value pairs; got " + namesAndValues.length
                    + " arguments");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                members.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return members;
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            quote((String) value);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("JSON has no " + number + "; expected a finite number");
            }
            out.append(number);
        } else if (value instanceof Map) {
            members((Map<?, ?>) value, depth);
        } else if (value instanceof List) {
            elements((List<?>) value, depth);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                    + " as JSON; expected a map, list, string, number, boolean or null");
        }
    }

    private void members(Map<?, ?> map, int depth) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            breakLine(depth, depth + 1);
            quote(String.valueOf(entry.getKey()));
            out.append(depth < indentDepth ? ": " : ":");
            value(entry.getValue(), depth + 1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        if (!map.isEmpty()) {
            breakLine(depth, depth);
        }
        out.append('}');
    }

    private void elements(List<?> list, int depth) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            breakLine(depth, depth + 1);
            value(list.get(i), depth + 1);
            if (i + 1 < list.size()) {
                out.append(',');
            }
        }
        if (!list.isEmpty()) {
            breakLine(depth, depth);
        }
        out.append(']');
    }

    /** A line break and {@code indent} levels of indentation, when the container at {@code container} is laid out. */
    private void breakLine(int container, int indent) {
        if (container < indentDepth) {
            out.append('\n');
            for (int i = 0; i < indent; i++) {
                out.append("  ");
            }
        }
    }

    private void quote(String s) {
        JsonStrings.quote(out, s);
    }
}
