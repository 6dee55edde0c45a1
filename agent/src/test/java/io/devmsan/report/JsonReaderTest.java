package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValueKeepingMemberOrder() {
        Object value = JsonReader.parse(" {\"b\": [1, -2, 3.5, 1e3, true, false, null, \"s\"], \"a\": {}} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", Arrays.asList(1L, -2L, 3.5, 1000.0, true, false, null, "s"));
        expected.put("a", Map.of());
        assertEquals(expected, value);
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) value).keySet()));
    }

    @Test
    void escapesRoundTripThroughTheWriter() {
        String nasty = "q\" b\\ n\n r\r t\t bs\b ff\f nul\u0000 ls\u2028 e\u00e9 smile\uD83D\uDE00 slash/";
        String json = JsonWriter.write(Map.of("k", nasty), 0);
        assertEquals(Map.of("k", nasty), JsonReader.parse(json));
        assertEquals("\u00e9/", JsonReader.parse("\"\\u00e9\\/\""));
    }

    @Test
    void writerLaysOutTheOuterLevelsOnlyAndTheReaderIgnoresTheLayout() {
        Map<String, Object> doc = JsonWriter.object("a", List.of(JsonWriter.object("x", 1L), JsonWriter.object("y", 2L)));
        assertEquals("{\n  \"a\": [\n    {\"x\":1},\n    {\"y\":2}\n  ]\n}\n", JsonWriter.write(doc, 2));
        assertEquals(doc, JsonReader.parse(JsonWriter.write(doc, 2)));
        assertEquals(doc, JsonReader.parse(JsonWriter.write(doc, 0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|line 1, column 1: unexpected end of input (the file is empty or truncated)",
        "{\"violations\": [|line 1, column 17: unexpected end of input",
        "{\"a\": 1,}|line 1, column 9: expected a member name in quotes",
        "{\"a\": 1 \"b\": 2}|line 1, column 9: expected ',' or '}'",
        "[1 2]|line 1, column 4: expected ',' or ']'",
        "{\"a\": 1}x|line 1, column 9: unexpected 'x' after the end of the document",
        "{\"a\": 1, \"a\": 2}|member \"a\" appears twice",
        "\"tab\there\"|control character U+0009 in a string must be escaped",
        "\"\\x\"|bad escape '\\x'",
        "[01]|expected ',' or ']'",
        "[-]|bad number; expected a digit",
        "[tru]|unexpected 't'; expected a value",
    })
    void malformedInputIsRejectedWithLineColumnAndWhatWasExpected(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void linesAndColumnsCountFromOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parse("{\n\"a\":\n  ?}"));
        assertEquals("line 3, column 3: unexpected '?'; expected a value", e.getMessage());
    }

    @Test
    void hostileNestingIsRejectedInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than 512 levels"), e.getMessage());
        assertEquals(List.of(List.of()), JsonReader.parse("[[]]"));
    }

    @Test
    void numbersTooLargeForALongBecomeDoubles() {
        assertEquals(List.of(Long.MAX_VALUE, 1e20), JsonReader.parse("[9223372036854775807, 100000000000000000000]"));
    }

    @Test
    void writerRefusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(Double.NaN), 0));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(new Object()), 0));
        assertEquals("[\"\\ud800\"]\n", JsonWriter.write(List.of("\uD800"), 0), "a lone surrogate is escaped");
    }
}
