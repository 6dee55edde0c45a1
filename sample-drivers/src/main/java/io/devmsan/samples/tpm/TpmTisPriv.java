package io.devmsan.samples.tpm;

import io.devmsan.kernel.devres.IoMem;

/**
 * The low-level driver's private data ({@code struct tpm_tis_data}), allocated with
 * {@code devm_kzalloc} on the platform device and reached by the ops through the chip's driver
 * data: it dies at unbind, which is safe only because the chip's fence keeps the ops from running
 * after unregister.
 */
final class TpmTisPriv {

    /** The TIS register window, mapped with {@code devm_ioremap}. */
    IoMem regs;
}
