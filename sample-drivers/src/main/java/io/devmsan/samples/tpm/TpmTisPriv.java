package io.devmsan.samples.tpm;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.devres.IoMem;

/**
 * The low-level driver's private data ({@code struct tpm_tis_data}), allocated with
 * {@code devm_kzalloc} and reached by the ops through the chip's driver data. On the platform device
 * it dies at unbind, which is safe only because the chip's fence keeps the ops from running after
 * unregister; on the chip's device it dies inside unregister, before the fence closes.
 *
 * <p>Owned by the bind scope it is allocated in (probe): every access after it was freed is reported.
 */
@ScopeOwned
final class TpmTisPriv {

    /** The TIS register window, mapped with {@code devm_ioremap}. */
    IoMem regs;
}
