package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.devmsan.runtime.Model.Thing;
import org.junit.jupiter.api.Test;

class FingerprintTest extends RuntimeTest {

    private static final String CLASS = "com.example.XyzIoctl";
    private static final String RESOURCE = "com.example.XyzContext#regs";

    @Test
    void fingerprintIsStableAndHasNoLineNumbers() {
        // Fixed values: a change here breaks every baseline users keep, so it must be deliberate.
        assertEquals("1eda55a847bfa510", Fingerprint.of("use-after-unbind", RESOURCE, CLASS, "ioctl"));
        assertEquals("f376aae10e8f503c", Fingerprint.of("use-after-free", RESOURCE, CLASS, "ioctl"));

        int line10 = Sites.register(Sites.Kind.OWNED_FIELD_READ, CLASS, "ioctl", "XyzIoctl.java", 10, RESOURCE);
        int line99 = Sites.register(Sites.Kind.OWNED_FIELD_READ, CLASS, "ioctl", "XyzIoctl.java", 99, RESOURCE);
        int noLine = Sites.register(Sites.Kind.OWNED_FIELD_READ, CLASS, "ioctl", null, -1, RESOURCE);
        String expected = "1eda55a847bfa510";
        assertEquals(expected, SiteTable.INSTANCE.get(line10).fingerprint("use-after-unbind"));
        assertEquals(expected, SiteTable.INSTANCE.get(line99).fingerprint("use-after-unbind"));
        assertEquals(expected, SiteTable.INSTANCE.get(noLine).fingerprint("use-after-unbind"));
    }

    @Test
    void fingerprintDependsOnRuleResourceClassAndMethod() {
        String base = Fingerprint.of("use-after-unbind", RESOURCE, CLASS, "ioctl");
        assertNotEquals(base, Fingerprint.of("use-after-free", RESOURCE, CLASS, "ioctl"));
        assertNotEquals(base, Fingerprint.of("use-after-unbind", RESOURCE + "2", CLASS, "ioctl"));
        assertNotEquals(base, Fingerprint.of("use-after-unbind", RESOURCE, CLASS + "2", "ioctl"));
        assertNotEquals(base, Fingerprint.of("use-after-unbind", RESOURCE, CLASS, "read"));
        // The separator keeps parts from running into each other.
        assertNotEquals(Fingerprint.of("a", "bc", "d", "e"), Fingerprint.of("a", "b", "cd", "e"));
    }

    @Test
    void recordedViolationCarriesTheSiteFingerprint() {
        Thing device = new Thing("xyz.0");
        Model.Context[] context = new Model.Context[1];
        Model.probe(device, () -> context[0] = new Model.Context());
        Model.unbind(device);
        context[0].readRegs();
        assertEquals(Fingerprint.of("use-after-unbind", Model.CONTEXT + "#regs", Model.CONTEXT, "readRegs"),
                Devmsan.violations().get(0).fingerprint());
    }
}
