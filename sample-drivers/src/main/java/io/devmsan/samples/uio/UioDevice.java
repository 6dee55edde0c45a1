package io.devmsan.samples.uio;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.sync.ActiveRef;

/**
 * {@code struct uio_device} as UIO once allocated it, with {@code devm_kzalloc} on the parent: it
 * lives exactly as long as the driver is bound, and an open file keeps using it only while it
 * holds a reference in {@link #users}, which {@code remove()} kills and drains before devres frees
 * the structure.
 */
@ScopeOwned
public final class UioDevice {

    /** Its minor number, the key of the minor table. */
    public int minor;

    /** Open files using the device; killed and drained by {@code remove()}. */
    public final ActiveRef users = new ActiveRef("uio users");

    /** The memory region user space reads (a mapped BAR, say). */
    public final int[] mem = new int[16];

    /** Allocated in probe (through {@code Devm.kzalloc}). */
    public UioDevice() {
    }
}
