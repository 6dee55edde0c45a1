package io.devmsan.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to members of parsed JSON objects. Every failure names where the member is
 * ({@code violations[2].access.stack}) and what type was expected, so that a report that is valid
 * JSON but not a devmsan report is rejected with one clear line.
 */
final class Members {

    private Members() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " is " + describe(value) + "; expected an object");
        }
        return (Map<String, Object>) value;
    }

    /** The member as an object; an empty map when it is missing or null. */
    static Map<String, Object> optionalObject(Map<String, Object> json, String name, String where) {
        Object value = json.get(name);
        return value == null ? Map.of() : object(value, where + "." + name);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> json, String name, String where) {
        Object value = json.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + "." + name + " is " + describe(value) + "; expected an array");
        }
        return (List<Object>) value;
    }

    static List<String> stringList(Map<String, Object> json, String name, String where) {
        List<Object> values = array(json, name, where);
        List<String> strings = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String)) {
                throw new IllegalArgumentException(where + "." + name + "[" + i + "] is " + describe(values.get(i))
                        + "; expected a string");
            }
            strings.add((String) values.get(i));
        }
        return strings;
    }

    /** The member as a string, or null when it is missing or null. */
    static String string(Map<String, Object> json, String name, String where) {
        Object value = json.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(where + "." + name + " is " + describe(value) + "; expected a string");
        }
        return (String) value;
    }

    static long number(Map<String, Object> json, String name, String where, long fallback) {
        Object value = json.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException(where + "." + name + " is " + describe(value)
                    + "; expected a whole number");
        }
        return (Long) value;
    }

    static boolean bool(Map<String, Object> json, String name, String where, boolean fallback) {
        Object value = json.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException(where + "." + name + " is " + describe(value) + "; expected true or false");
        }
        return (Boolean) value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            String s = (String) value;
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            return "the string \"" + shown.replaceAll("[\\r\\n]", " ") + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value.toString();
    }
}
