package io.devmsan.runtime;

/** The stable rule ids that reports and fingerprints use. */
final class Rules {

    /** An access to state whose bind scope was released (unbind, failed probe, devres unwind). */
    static final String USE_AFTER_UNBIND = "use-after-unbind";

    /** An access to an object freed explicitly, outside any unbind of its device. */
    static final String USE_AFTER_FREE = "use-after-free";

    private Rules() {
    }
}
