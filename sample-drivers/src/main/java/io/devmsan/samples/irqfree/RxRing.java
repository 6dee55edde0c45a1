package io.devmsan.samples.irqfree;

import io.devmsan.annotations.ScopeOwned;

/**
 * The receive ring's bookkeeping, allocated with {@code devm_kzalloc}; the interrupt handler counts
 * into it on every call.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
final class RxRing {

    /** Calls of the handler, whether the interrupt was ours or not. */
    long interrupts;
    /** Receive interrupts handled. */
    long packets;
}
