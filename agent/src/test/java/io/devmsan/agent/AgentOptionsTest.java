package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.RuntimeConfig;
import io.devmsan.runtime.RuntimeConfig.Format;
import java.io.File;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void emptyArgumentsMeanTheDefaults() {
        assertEquals(AgentOptions.DEFAULTS, AgentOptions.parse(null));
        assertEquals(AgentOptions.DEFAULTS, AgentOptions.parse(""));
    }

    @Test
    void everyKeyIsParsedIntoANewValue() {
        AgentOptions options = AgentOptions.parse("include=com.example.*,exclude=com.example.Gen?,"
                + "reportDir=build/d,formats=json+sarif,onViolation=throw,provenance=full,stackDepth=8,"
                + "dumpDir=/tmp/dump,log=quiet");
        assertEquals("com.example.*", options.includes());
        assertEquals("com.example.Gen?", options.excludes());
        assertEquals(Paths.get("build/d"), options.reportDir());
        assertEquals("json+sarif", options.formats());
        assertEquals(RuntimeConfig.OnViolation.THROW, options.onViolation());
        assertEquals(RuntimeConfig.Provenance.FULL, options.provenance());
        assertEquals(8, options.stackDepth());
        assertEquals(Paths.get("/tmp/dump"), options.dumpDir());
        assertEquals(AgentOptions.LogLevel.QUIET, options.log());
        assertEquals(RuntimeConfig.Provenance.LIGHT, AgentOptions.DEFAULTS.provenance(), "defaults unchanged");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "colour=red|unknown option 'colour'; accepted keys: include, exclude, reportDir",
        "stackDepth=0|option stackDepth=0 is not accepted; accepted: a whole number from 1 to 1024",
        "stackDepth=ten|option stackDepth=ten is not accepted; accepted: a whole number from 1 to 1024",
        "onViolation=panic|option onViolation=panic is not accepted; accepted: record, throw, log",
        "formats=json+pdf|names unknown format 'pdf'; accepted: json, sarif, html, text",
        "include|option 'include' is not key=value",
    })
    void badOptionsAreRejectedWithOneLineNamingTheOptionAndWhatIsAccepted(String arguments, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(arguments));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertTrue(e.getMessage().startsWith("devmsan: "));
    }

    @Test
    void reportOptionsReachTheRuntimeConfig() {
        RuntimeConfig config = AgentOptions.parse("formats=sarif+text,sourceRoots=gen" + File.pathSeparator
                + "src/main/java,sourceBase=/repo").runtimeConfig();
        assertEquals(EnumSet.of(Format.JSON, Format.SARIF, Format.TEXT), config.formats());
        assertEquals(List.of(Paths.get("gen"), Paths.get("src/main/java")), config.sourceRoots());
        assertEquals(Paths.get("/repo"), config.sourceBase());
        assertNull(AgentOptions.parse("sourceBase=auto").runtimeConfig().sourceBase(), "auto: found at run time");
    }

    @Test
    void theAgentsDefaultsAreTheRuntimesDefaults() {
        assertEquals(RuntimeConfig.defaults(), AgentOptions.DEFAULTS.runtimeConfig());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sourceRoots=|option sourceRoots= names no directory; accepted: directories separated by",
        "sourceBase=|option sourceBase= is not a usable path; accepted: a relative or absolute directory path",
        "formats=|option formats= names unknown format ''; accepted: json, sarif, html, text",
    })
    void badReportOptionsAreRejectedWithOneLine(String arguments, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(arguments));
        assertTrue(e.getMessage().startsWith("devmsan: " + message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void wildcardsMatchLikeJacoco() {
        ClassFilter filter = new ClassFilter("com.example.*:org.acme.Dev?ce", "com.example.internal.*");
        assertTrue(filter.accepts("com/example/Foo"));
        assertTrue(filter.accepts("org/acme/Device"));
        assertFalse(filter.accepts("org/acme/Devices"));
        assertFalse(filter.accepts("com/example/internal/Bar"));
        assertFalse(filter.accepts("java/lang/String"));
        assertTrue(filter.accepts(ClassFilter.CANARY), "the canary is always rewritten");
    }

    @Test
    void everyListedKeyIsAcceptedByTheParser() {
        // The list feeds error messages and the docs check; the parser is a switch beside it.
        for (String key : AgentOptions.keys()) {
            try {
                AgentOptions.parse(key + "=");
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage().contains("unknown option"), key + ": " + e.getMessage());
            }
        }
    }
}
