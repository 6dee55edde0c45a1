package io.devmsan.samples.irqfree;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.devres.IoMem;

/** The driver's private data, allocated with {@code devm_kzalloc}: the handler's {@code dev_id}. */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
final class RxPriv {

    /** The device's registers, mapped with {@code devm_ioremap} before the interrupt is requested. */
    @DevmScoped
    IoMem regs;
    /** The receive ring, allocated with {@code devm_kzalloc} after the interrupt was requested. */
    @DevmScoped
    RxRing ring;
}
