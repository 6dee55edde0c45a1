package io.devmsan.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Devmsan;
import org.junit.jupiter.api.Test;

/** Without the agent (Surefire's unit tests run without it), the extension refuses to pass. */
class DevmsanExtensionTest {

    @Test
    void withoutTheAgentEveryTestFailsNamingTheFix() {
        assertFalse(Devmsan.isInstalled(), "unit tests run without -javaagent");
        String message = DevmsanExtensionIT.onlyFailure(DevmsanExtensionIT.run(ExtensionScenarios.Clean.class));
        assertEquals("devmsan: the agent is not attached to this JVM, so this test checks nothing; add "
                + "-javaagent:/path/to/devmsan-agent.jar to the test JVM, e.g. in Surefire's <argLine>"
                + "-javaagent:${io.devmsan:devmsan-agent:jar}</argLine> (see docs/ci.md)", message);
    }

    @Test
    void resourcesMatchBySuffixOrWildcard() {
        String resource = "com.example.XyzContext#regs";
        assertTrue(Expectations.resourceMatches("com.example.XyzContext#regs", resource));
        assertTrue(Expectations.resourceMatches("XyzContext#regs", resource));
        assertTrue(Expectations.resourceMatches("#regs", resource));
        assertTrue(Expectations.resourceMatches("*", resource));
        assertTrue(Expectations.resourceMatches("com.*.Xyz*#regs", resource));
        assertTrue(Expectations.resourceMatches("*Context#*", resource));
        assertFalse(Expectations.resourceMatches("XyzContext", resource), "a suffix, not a prefix");
        assertTrue(Expectations.resourceMatches("XyzContext#*", resource), "patterns are suffixes too");
        assertFalse(Expectations.resourceMatches("com.*#reg", resource), "up to the end of the name");
        assertFalse(Expectations.resourceMatches("Other*#regs", resource));
        assertFalse(Expectations.resourceMatches("", resource));
        assertFalse(Expectations.resourceMatches("a.(b)+#c", "a.bb#c"), "no regex syntax");
        assertTrue(Expectations.resourceMatches("a.(b)+#*", "a.(b)+#c"));
    }
}
