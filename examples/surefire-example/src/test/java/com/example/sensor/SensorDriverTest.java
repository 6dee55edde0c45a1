package com.example.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.junit.DevmsanTest;
import io.devmsan.junit.ExpectViolation;
import org.junit.jupiter.api.Test;

/** Runs under the agent (see the pom): the extension fails any test with an unexpected violation. */
@DevmsanTest
class SensorDriverTest {

    @Test
    @ExpectViolation(rule = "use-after-unbind", resource = "SensorDriver$Handle#state")
    void readingThroughAHandleAfterUnbindIsReported() {
        Object device = "sensor0";
        SensorDriver.Handle handle = SensorDriver.probe(device);
        assertEquals(42, handle.read());
        MiniBus.unbind(device, () -> { });
        handle.read(); // Java keeps the object alive, the kernel would not: devmsan reports it
    }
}
