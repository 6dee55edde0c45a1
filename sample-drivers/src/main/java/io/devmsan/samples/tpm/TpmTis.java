package io.devmsan.samples.tpm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;

/**
 * The low-level TIS driver ({@code tpm_tis}): everything hardware-related is devm on the platform
 * device, never on the chip's device. {@code remove()} calls {@link TpmChip#unregister()} first;
 * after that devres may unmap the registers, because the fence guarantees that no ops callback runs
 * or will run.
 */
public final class TpmTis implements Driver {

    /** The driver's name; it binds devices named {@code tpm_tis} or {@code tpm_tis.<id>}. */
    public static final String NAME = "tpm_tis";

    /** A driver instance, to register on a bus. */
    public TpmTis() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        TpmTisPriv priv = Devm.kzalloc(pdev, TpmTisPriv::new);
        priv.regs = Devm.ioremap(pdev, TpmTisOps.TPM_TIS_SIZE);
        TpmChip chip = TpmChip.tpmmAlloc(pdev, TpmTisOps.INSTANCE);
        if (chip == null) {
            return -Errno.ENOMEM;
        }
        chip.dev.setDrvdata(priv);
        pdev.setDrvdata(chip);
        return chip.register();
    }

    @Override
    public void remove(Device pdev) {
        TpmChip chip = pdev.getDrvdata(TpmChip.class);
        chip.unregister();
        // Like tpm_tis_remove: quiesce the hardware while the mapping is still ours.
        chip.dev.getDrvdata(TpmTisPriv.class).regs.writel(0, TpmTisOps.TPM_INT_ENABLE);
    }
}
