package io.devmsan.samples.tpm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** The open, unbind, keep-writing reproducer on a TPM: the strong fence turns it into {@code -EPIPE}. */
public final class TpmStory {

    private TpmStory() {
    }

    /**
     * Open, send a command while bound, unbind from another thread, write again: the write fails
     * with {@code -EPIPE} without entering the driver.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindWrite() throws Exception {
        TpmPlatform platform = TpmPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                byte[] command = "TPM2_GetRandom".getBytes(StandardCharsets.US_ASCII);
                long sent = file.write(command, command.length);
                expect(sent == command.length, "write while bound returned " + Errno.name(sent));
                byte[] response = new byte[TpmChip.TPM_BUFSIZE];
                long received = file.read(response, response.length);
                expect(received == command.length
                        && Arrays.equals(command, Arrays.copyOf(response, (int) received)),
                        "read while bound returned " + Errno.name(received));

                int unbound = platform.bus().unbindAsync(platform.device()).get(10, TimeUnit.SECONDS);
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));

                long after = file.write(command, command.length);
                expect(after == -Errno.EPIPE, "write after unbind returned " + Errno.name(after)
                        + ", expected -EPIPE");
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("tpm story: " + failure);
        }
    }
}
