package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "*, anything, true",
        "*, '', true",
        "com.example.*, com.example.Foo, true",
        "com.example.*, com.example.a.b.C$D, true",
        "com.example.*, com.examples.Foo, false",
        "com.example.*, com.example, false",
        "*.Device, org.acme.Device, true",
        "*.Device, org.acme.DeviceX, false",
        "org.acme.Dev?ce, org.acme.Device, true",
        "org.acme.Dev?ce, org.acme.Devce, false",
        "a*b*c, abc, true",
        "a*b*c, aXbYbZc, true",
        "a*b*c, aXbYcZ, false",
        "a**, a, true",
        "?, '', false",
        "*a*a*a*a*b, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, false",
    })
    void matchesLikeTheEquivalentRegex(String pattern, String name, boolean expected) {
        Wildcard wildcard = Wildcard.parseList(pattern).get(0);
        assertEquals(expected, wildcard.matches(name));
        // The regex it replaced, as an independent oracle.
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        assertEquals(Pattern.matches(regex, name), wildcard.matches(name), regex);
    }

    @ParameterizedTest
    @CsvSource({"'', 0", ":, 0", "a:b, 2", "a::b:, 2", "com.*, 1"})
    void colonsSeparatePatternsAndEmptyOnesAreDropped(String patterns, int count) {
        List<Wildcard> parsed = Wildcard.parseList(patterns);
        assertEquals(count, parsed.size(), parsed.toString());
    }
}
