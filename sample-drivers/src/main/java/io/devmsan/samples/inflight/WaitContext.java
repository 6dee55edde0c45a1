package io.devmsan.samples.inflight;

import io.devmsan.annotations.ScopeOwned;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver context, allocated with {@code devm_kzalloc} on the parent device: it lives exactly as
 * long as the driver is bound.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
final class WaitContext {

    /** Events posted so far. */
    final AtomicLong events = new AtomicLong();
}
