package io.devmsan.samples.tpm;

import io.devmsan.kernel.sync.Mutex;

/** One open file's state ({@code struct file_priv}): its command and response buffer. */
final class TpmFilePriv {

    final TpmChip chip;
    final Mutex bufferMutex = new Mutex("buffer_mutex");
    final byte[] dataBuffer = new byte[TpmChip.TPM_BUFSIZE];
    /** Length of the response waiting to be read, 0 when none. */
    int responseLength;

    TpmFilePriv(TpmChip chip) {
        this.chip = chip;
    }
}
