package io.devmsan.runtime;

import java.util.List;

/**
 * Why an owner token died: the unbind of its device, a failed probe, or an explicit free
 * (which counts as part of the unbind when that device's unbind was running).
 */
final class Release {

    final Kind kind;
    final String deviceName;
    final String thread;
    final List<String> stack;
    final boolean duringUnbind;

    Release(Kind kind, String deviceName, String thread, List<String> stack, boolean duringUnbind) {
        this.kind = kind;
        this.deviceName = deviceName;
        this.thread = thread;
        this.stack = stack;
        this.duringUnbind = duringUnbind;
    }

    /** The rule an access after this release breaks. */
    String rule() {
        return kind == Kind.FREE && !duringUnbind ? Rules.USE_AFTER_FREE : Rules.USE_AFTER_UNBIND;
    }

    /** The heading of the release stack in a text report, such as {@code Freed by unbind of device x}. */
    String heading() {
        String on = " on thread \"" + thread + "\"";
        switch (kind) {
            case UNBIND:
                return "Freed by unbind of device " + deviceName + on;
            case FAILED_PROBE:
                return "Freed by failed probe of device " + deviceName + on;
            default:
                return duringUnbind
                        ? "Freed during unbind of device " + deviceName + on
                        : "Freed" + on + " (owned by device " + deviceName + ")";
        }
    }

    /** One phrase for the explanation line. */
    String explanation() {
        switch (kind) {
            case UNBIND:
                return "the device's bind scope was released at unbind";
            case FAILED_PROBE:
                return "the device's bind scope was released when its probe failed";
            default:
                return duringUnbind ? "the object was freed during unbind" : "the object was freed";
        }
    }

    /** What released the token. */
    enum Kind {
        UNBIND, FAILED_PROBE, FREE;

        /** JSON spelling. */
        String json() {
            switch (this) {
                case UNBIND:
                    return "unbind";
                case FAILED_PROBE:
                    return "failed-probe";
                default:
                    return "free";
            }
        }
    }
}
