package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.RuntimeConfig.OnViolation;
import io.devmsan.runtime.RuntimeConfig.Provenance;
import java.nio.file.Path;
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
    void stackDepthLimitsReportedStacks() {
        assertEquals(3, Stacks.capture(3).size());
    }
}
