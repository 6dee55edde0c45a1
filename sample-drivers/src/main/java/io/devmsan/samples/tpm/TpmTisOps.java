package io.devmsan.samples.tpm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.devres.IoMem;

/**
 * The TIS ops ({@code tpm_tis_core.c}) on a loopback register file: bytes written to the data FIFO
 * come back as the response, like an echoing virtual TPM. Each call reaches the devm-mapped
 * registers through the chip's driver data.
 */
final class TpmTisOps implements TpmClassOps {

    static final TpmTisOps INSTANCE = new TpmTisOps();

    /** Status register; writing {@link #STS_GO} starts the command. */
    static final int TPM_STS = 0x18;
    static final int STS_GO = 0x20;
    /** Burst count: the length of the command, then of the response. */
    static final int TPM_BURST = 0x1c;
    /** Interrupt enable register. */
    static final int TPM_INT_ENABLE = 0x08;
    /** The data FIFO, one byte per 32-bit register. */
    static final int TPM_DATA_FIFO = 0x80;
    /** The register window's size. */
    static final int TPM_TIS_SIZE = TPM_DATA_FIFO + 4 * TpmChip.TPM_BUFSIZE;

    private TpmTisOps() {
    }

    @Override
    public int send(TpmChip chip, byte[] buf, int len) {
        TpmTisPriv priv = chip.dev.getDrvdata(TpmTisPriv.class);
        IoMem regs = priv.regs; // devmsan: expect use-after-unbind, unbind-race, unfenced-access (tpm-hw-on-chip-device)
        for (int i = 0; i < len; i++) {
            regs.writel(buf[i] & 0xff, TPM_DATA_FIFO + 4 * i);
        }
        regs.writel(len, TPM_BURST);
        regs.writel(STS_GO, TPM_STS);
        return 0;
    }

    @Override
    public int recv(TpmChip chip, byte[] buf, int count) {
        TpmTisPriv priv = chip.dev.getDrvdata(TpmTisPriv.class);
        IoMem regs = priv.regs; // devmsan: expect use-after-unbind, unbind-race, unfenced-access (tpm-hw-on-chip-device)
        int len = regs.readl(TPM_BURST);
        if (len < 0 || len > count) {
            return -Errno.EIO;
        }
        for (int i = 0; i < len; i++) {
            buf[i] = (byte) regs.readl(TPM_DATA_FIFO + 4 * i);
        }
        regs.writel(0, TPM_STS);
        return len;
    }
}
