package io.devmsan.samples.cdevkill;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.devres.IoMem;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver context, allocated with {@code devm_kzalloc} in probe and owned by that bind: every
 * access after unbind would be reported, from any file operation, release included.
 */
@ScopeOwned
final class KdevContext {

    /** The device's registers, mapped with {@code devm_ioremap}. */
    IoMem regs;
    /** The character device's structure, which open files pin beyond this context. */
    KdevNode node;
    /** Files whose release has not run yet; the release decrements it. */
    final AtomicInteger openFiles = new AtomicInteger();
}
