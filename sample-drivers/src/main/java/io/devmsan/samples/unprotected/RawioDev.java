package io.devmsan.samples.unprotected;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.IoMem;

/**
 * The driver's one structure ({@code struct rawio_dev}), allocated with {@code devm_kzalloc}, with
 * the character device and its device structure embedded, as many small drivers do.
 *
 * <p>Deliberately not {@code @ScopeOwned}: the sanitizer catches the bug at the read of the pointer
 * to the register window ({@link #regs}), once per line that follows it.
 */
final class RawioDev {

    /** The node's device structure ({@code /dev/rawioN}). */
    final Device node;
    /** The character device user space opens. */
    final Cdev cdev;

    /** The register window, from {@code devm_ioremap}: unmapped when devres unwinds. */
    @DevmScoped
    IoMem regs;

    RawioDev(Device pdev, String name) {
        this.node = new Device(name, pdev, null);
        this.cdev = new Cdev(RawioFileOps.INSTANCE, this);
    }
}
