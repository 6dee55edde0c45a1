package io.devmsan.samples.tpm;

/**
 * A low-level driver's callbacks ({@code struct tpm_class_ops}). The TPM core calls them only
 * between a successful {@link TpmChip#tryGetOps()} and {@link TpmChip#putOps()}.
 */
interface TpmClassOps {

    /** Sends a command of {@code len} bytes; 0 or a negative errno. */
    int send(TpmChip chip, byte[] buf, int len);

    /** Receives the response into {@code buf}; its length or a negative errno. */
    int recv(TpmChip chip, byte[] buf, int count);
}
