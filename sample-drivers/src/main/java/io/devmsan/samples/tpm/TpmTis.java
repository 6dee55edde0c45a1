package io.devmsan.samples.tpm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;

/**
 * The low-level TIS driver ({@code tpm_tis}). Done right, everything hardware-related is devm on
 * the platform device, never on the chip's device: {@code remove()} calls
 * {@link TpmChip#unregister()} first; after that devres may unmap the registers, because the fence
 * guarantees that no ops callback runs or will run. Attached to the chip's device instead
 * ({@link HwResources#ON_CHIP_DEVICE}), the same resources are unwound inside unregister, before
 * the fence closes.
 */
public final class TpmTis implements Driver {

    /** The driver's name; it binds devices named {@code tpm_tis} or {@code tpm_tis.<id>}. */
    public static final String NAME = "tpm_tis";

    /** Which device the driver attaches its hardware resources (private data, registers) to with devres. */
    public enum HwResources {
        /** The platform device it is bound to: unwound after {@code remove()}, behind the fence. */
        ON_PLATFORM_DEVICE,
        /**
         * The chip's own device, which has no driver: its devres unwinds in {@code device_del}, that
         * is inside {@code tpm_chip_unregister} before {@code ops_sem} is taken for writing, while
         * an ops callback may still be running (seed 000: "does not enjoy the strong fence
         * guarantee").
         */
        ON_CHIP_DEVICE
    }

    private final HwResources hwResources;

    /** A driver instance that does it right ({@link HwResources#ON_PLATFORM_DEVICE}). */
    public TpmTis() {
        this(HwResources.ON_PLATFORM_DEVICE);
    }

    /** A driver instance that attaches its hardware resources as {@code hwResources} says. */
    public TpmTis(HwResources hwResources) {
        this.hwResources = hwResources;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        TpmChip chip = TpmChip.tpmmAlloc(pdev, TpmTisOps.INSTANCE);
        if (chip == null) {
            return -Errno.ENOMEM;
        }
        Device hw = hwResources == HwResources.ON_CHIP_DEVICE ? chip.dev : pdev;
        TpmTisPriv priv = Devm.kzalloc(hw, TpmTisPriv::new);
        priv.regs = Devm.ioremap(hw, TpmTisOps.TPM_TIS_SIZE);
        chip.dev.setDrvdata(priv);
        pdev.setDrvdata(chip);
        return chip.register();
    }

    @Override
    public void remove(Device pdev) {
        TpmChip chip = pdev.getDrvdata(TpmChip.class);
        chip.unregister();
        // Like tpm_tis_remove: quiesce the hardware while the mapping is still ours.
        TpmTisPriv priv = chip.dev.getDrvdata(TpmTisPriv.class);
        priv.regs.writel(0, TpmTisOps.TPM_INT_ENABLE); // devmsan: expect use-after-unbind (tpm-hw-on-chip-device)
    }
}
