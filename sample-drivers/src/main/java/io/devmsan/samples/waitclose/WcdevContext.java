package io.devmsan.samples.waitclose;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.devres.IoMem;

/**
 * The driver context, allocated with {@code devm_kzalloc} in probe and owned by that bind: every
 * access after unbind would be reported.
 */
@ScopeOwned
final class WcdevContext {

    /** The device's registers, mapped with {@code devm_ioremap}. */
    IoMem regs;
    /** The character device's node, which open files pin beyond this context. */
    WcdevNode node;
}
