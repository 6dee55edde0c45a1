package io.devmsan.runtime;

/** The stable rule ids that reports and fingerprints use. */
final class Rules {

    /** An access to state whose bind scope was released (unbind, failed probe, devres unwind). */
    static final String USE_AFTER_UNBIND = "use-after-unbind";

    /** An access to an object freed explicitly, outside any unbind of its device. */
    static final String USE_AFTER_FREE = "use-after-free";

    /**
     * Fence analysis: an access to bind-scoped state inside an entry point whose thread held no
     * read side of a fence that the device's unbind synchronized with. Nothing went wrong in this
     * run; an unbind at that moment would not have waited for the access.
     */
    static final String UNFENCED_ACCESS = "unfenced-access";

    /**
     * Exploration: a schedule (the story stopped at one checkpoint while unbind, cdev unregister
     * or device removal ran on another thread) in which a violation happened.
     */
    static final String UNBIND_RACE = "unbind-race";

    /**
     * Exploration: a schedule in which neither the story nor the injected unbind could finish,
     * such as a removal that waits for an operation while holding a lock that operation needs.
     */
    static final String UNBIND_HANG = "unbind-hang";

    private Rules() {
    }
}
