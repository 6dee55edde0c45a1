package io.devmsan.samples.debugfsdrain;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.debugfs.Dentry;
import io.devmsan.kernel.devres.IoMem;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver context, allocated with {@code devm_kzalloc} in probe and owned by that bind; it is
 * also the debugfs file's {@code i_private}, so the handlers use it directly. Every access after
 * unbind would be reported.
 */
@ScopeOwned
final class DbgContext {

    /** The device's registers, mapped with {@code devm_ioremap}. */
    IoMem regs;
    /** The debugfs file, {@code /sys/kernel/debug/<device>.regs}. */
    Dentry dentry;
    /** Register dumps read so far. */
    final AtomicLong dumps = new AtomicLong();
}
