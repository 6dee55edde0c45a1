package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.RuntimeConfig.Format;
import io.devmsan.runtime.RuntimeConfig.OnViolation;
import io.devmsan.runtime.RuntimeConfig.Provenance;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    @Test
    void defaultsAreRecordLightDepth32InTargetDevmsan() {
        RuntimeConfig defaults = RuntimeConfig.defaults();
        assertEquals(Path.of("target", "devmsan"), defaults.reportDir());
        assertEquals(OnViolation.RECORD, defaults.onViolation());
        assertEquals(Provenance.LIGHT, defaults.provenance());
        assertEquals(32, defaults.stackDepth());
    }

    @Test
    void withReturnsANewValueAndLeavesTheOriginalAlone() {
        RuntimeConfig defaults = RuntimeConfig.defaults();
        RuntimeConfig changed = defaults.withReportDir(Path.of("out")).withOnViolation(OnViolation.THROW)
                .withProvenance(Provenance.FULL).withStackDepth(8);
        assertEquals(RuntimeConfig.defaults(), defaults);
        assertEquals(Path.of("target", "devmsan"), defaults.reportDir());
        assertEquals(Path.of("out"), changed.reportDir());
        assertEquals(OnViolation.THROW, changed.onViolation());
        assertEquals(Provenance.FULL, changed.provenance());
        assertEquals(8, changed.stackDepth());
        assertNotEquals(defaults, changed);
        assertEquals(changed, defaults.withReportDir(Path.of("out")).withOnViolation(OnViolation.THROW)
                .withProvenance(Provenance.FULL).withStackDepth(8));
    }

    @Test
    void badStackDepthIsRejectedNamingValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeConfig.defaults().withStackDepth(0));
        assertEquals("stackDepth 0 is out of range; expected 1 to 1024", e.getMessage());
    }

    @Test
    void optionsParseIgnoringCaseAndNameTheAcceptedValues() {
        assertEquals(OnViolation.THROW, OnViolation.fromOption("Throw"));
        assertEquals(Provenance.NONE, Provenance.fromOption(" none "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnViolation.fromOption("crash"));
        assertEquals("onViolation=crash is not supported; expected record, throw or log", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Provenance.fromOption(null));
        assertTrue(e.getMessage().contains("expected none, light or full"), e.getMessage());
    }

    @Test
    void reportFormatsDefaultToJsonSarifHtmlAndAlwaysIncludeJson() {
        assertEquals(EnumSet.of(Format.JSON, Format.SARIF, Format.HTML), RuntimeConfig.defaults().formats());
        assertEquals(EnumSet.of(Format.JSON, Format.TEXT), RuntimeConfig.defaults().withFormats(EnumSet.of(Format.TEXT))
                .formats(), "the tools read the JSON, so it is always written");
        assertEquals(EnumSet.of(Format.JSON, Format.HTML), Format.parseList("HTML"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.parseList("json+"));
        assertEquals("formats=json+ names unknown format ''; accepted: json, sarif, html, text, joined with '+' "
                + "(e.g. json+sarif)", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> RuntimeConfig.defaults().formats().add(Format.TEXT));
    }

    @Test
    void sourceRootsAndBaseDefaultToMavenLayoutAndTheRepositoryRoot() {
        RuntimeConfig defaults = RuntimeConfig.defaults();
        assertEquals(List.of(Path.of("src/main/java"), Path.of("src/test/java")), defaults.sourceRoots());
        assertNull(defaults.sourceBase(), "found at run time");
        RuntimeConfig changed = defaults.withSourceRoots(List.of(Path.of("java"))).withSourceBase(Path.of("/repo"));
        assertEquals(List.of(Path.of("java")), changed.sourceRoots());
        assertEquals(Path.of("/repo"), changed.sourceBase());
        assertNotEquals(defaults, changed);
        assertEquals(defaults, changed.withSourceRoots(RuntimeConfig.DEFAULT_SOURCE_ROOTS).withSourceBase(null));
        assertTrue(changed.toString().endsWith("formats=json+sarif+html, sourceRoots=[java], sourceBase=/repo"),
                changed.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withSourceRoots(java.util.Arrays.asList(Path.of("a"), null)));
        assertEquals("sourceRoots [a, null] is or contains null; expected a list of directory paths", e.getMessage());
    }

    @Test
    void stackDepthLimitsReportedStacks() {
        assertEquals(3, Stacks.capture(3).size());
    }
}
