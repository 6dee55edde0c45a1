package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentControlTest extends RuntimeTest {

    @AfterEach
    void uninstall() {
        reset(config()); // removes the shutdown hook install() added
    }

    @Test
    void installConfiguresQuietlyAndIgnoresASecondInstallWithAWarning() {
        RuntimeConfig first = config().withOnViolation(RuntimeConfig.OnViolation.LOG);
        AgentControl.install(first, "9.9-test");
        assertEquals(first, AgentControl.config());
        assertEquals("9.9-test", Devmsan.version());
        assertEquals("", console(), "the agent logs the start-up line once its canary passed");
        assertTrue(AgentControl.reportFile().getFileName().toString().startsWith("devmsan-"));

        AgentControl.install(RuntimeConfig.defaults(), "other");
        assertEquals(first, AgentControl.config());
        assertEquals("9.9-test", Devmsan.version());
        assertTrue(console().contains("[devmsan] WARN the devmsan runtime was installed twice"), console());
    }

    @Test
    void isInstalledOnlyAfterTheCanaryPassed() {
        AgentControl.install(config(), "9.9-test");
        assertFalse(Devmsan.isInstalled());
        AgentControl.markInstalled();
        assertTrue(Devmsan.isInstalled());
    }

    @Test
    void installRejectsANullConfigNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentControl.install(null, "1"));
        assertTrue(e.getMessage().contains("config is null"), e.getMessage());
    }

    @Test
    void withoutInstallTheVersionIsStillAnswered() {
        assertFalse(Devmsan.isInstalled());
        assertFalse(Devmsan.version().isEmpty());
    }
}
