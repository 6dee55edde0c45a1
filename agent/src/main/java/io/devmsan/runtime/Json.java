package io.devmsan.runtime;

import java.util.List;

/**
 * A minimal streaming JSON writer (the agent bundles no JSON library): objects, arrays, strings,
 * numbers, booleans and null, with commas placed automatically and strings escaped per RFC 8259
 * (control characters, quotes, backslashes, and lone surrogates, which UTF-8 cannot carry).
 */
final class Json {

    private final StringBuilder out = new StringBuilder(4096);
    /** Per nesting level: has the container got an element yet? */
    private boolean[] nonEmpty = new boolean[16];
    private int depth;
    private boolean afterName;

    Json() {
    }

    Json beginObject() {
        beforeValue();
        out.append('{');
        push();
        return this;
    }

    Json endObject() {
        depth--;
        out.append('}');
        return this;
    }

    Json beginArray() {
        beforeValue();
        out.append('[');
        push();
        return this;
    }

    Json endArray() {
        depth--;
        out.append(']');
        return this;
    }

    /** The name of the next member of the current object. */
    Json name(String name) {
        beforeValue();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    Json value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    Json value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    Json value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    Json nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    Json stringArray(List<String> values) {
        beginArray();
        for (String value : values) {
            value(value);
        }
        return endArray();
    }

    /** A line break between elements, for readable report files; JSON ignores it. */
    Json newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (nonEmpty[depth]) {
                out.append(',');
            }
            nonEmpty[depth] = true;
        }
    }

    private void push() {
        depth++;
        if (depth == nonEmpty.length) {
            nonEmpty = java.util.Arrays.copyOf(nonEmpty, depth * 2);
        }
        nonEmpty[depth] = false;
    }

    private void quote(String s) {
        io.devmsan.report.JsonStrings.quote(out, s);
    }
}
