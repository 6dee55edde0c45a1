package io.devmsan.samples.runner;

import io.devmsan.samples.tpm.TpmStory;
import io.devmsan.samples.unprotected.RawioStory;
import io.devmsan.samples.xyz.XyzStory;
import java.util.ArrayList;
import java.util.List;

/** The registry: one line per scenario, in the order the runner plays them. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new Scenario("xyz-devm-ioctl", "003", "devm context read by a cdev ioctl after unbind",
                    Verdict.VIOLATION, XyzStory.class, XyzStory::openUnbindIoctl),
            new Scenario("tpm-strong-fence", "000", "ops cleared under a rwsem at unregister",
                    Verdict.CLEAN, TpmStory.class, TpmStory::openUnbindWrite),
            new Scenario("tpm-hw-on-chip-device", "000",
                    "HW resources devm on the chip's device, unwound in unregister outside the fence",
                    Verdict.VIOLATION, TpmStory.class, TpmStory::inFlightWriteAcrossUnregister),
            new Scenario("unprotected-char-driver", "000", "devm-mapped registers used by read/write after unbind",
                    Verdict.VIOLATION, RawioStory.class, RawioStory::openUnbindReadWrite));

    private Scenarios() {
    }

    /** Every scenario, in registration order. */
    public static List<Scenario> all() {
        return ALL;
    }

    /** The scenario with this id, or null. */
    public static Scenario find(String id) {
        for (Scenario scenario : ALL) {
            if (scenario.id().equals(id)) {
                return scenario;
            }
        }
        return null;
    }

    /** Every id, in registration order. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(ALL.size());
        for (Scenario scenario : ALL) {
            ids.add(scenario.id());
        }
        return ids;
    }
}
