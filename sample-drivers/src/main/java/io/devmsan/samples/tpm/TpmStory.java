package io.devmsan.samples.tpm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import java.nio.charset.StandardCharsets;
import io.devmsan.samples.runner.Steps;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The open, unbind, keep-writing reproducer on a TPM: the strong fence turns it into {@code -EPIPE};
 * and the same with a write in flight, when the driver put its hardware resources on the chip's
 * device.
 */
public final class TpmStory {

    private static final String STORY = "tpm";

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

    /**
     * The driver attached its hardware resources to the chip's device. Another TPM user (hwrng, say)
     * is in the middle of a command, so a write on the open file enters the ops' read side and waits
     * for the TPM; meanwhile unbind starts, and {@code tpm_chip_unregister} deletes the character
     * device, which unwinds the chip device's devres (private data, registers), before it waits for
     * the ops' write side. The write then runs its command on freed hardware resources, outside the
     * fence; once unregister is done, the next write fails with {@code -EPIPE} as usual.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void inFlightWriteAcrossUnregister() throws Exception {
        byte[] command = "TPM2_GetRandom".getBytes(StandardCharsets.US_ASCII);
        long inFlight = inFlightWrite(TpmTis.HwResources.ON_CHIP_DEVICE, command);
        expect(inFlight == -Errno.EIO, "the in-flight write returned " + Errno.name(inFlight)
                + ", expected -EIO from unmapped registers");
    }

    /**
     * The interleaving of {@link #inFlightWriteAcrossUnregister()} on a driver that attaches its
     * hardware resources as {@code hwResources} says.
     *
     * @return what the write in flight across unregister returned
     */
    static long inFlightWrite(TpmTis.HwResources hwResources, byte[] command) throws Exception {
        TpmPlatform platform = TpmPlatform.boot(hwResources);
        try {
            TpmChip chip = platform.chip();
            File file = Devtmpfs.open(platform.nodePath());
            try {
                expect(file.write(command, command.length) == command.length, "write while bound failed");
                expect(file.read(new byte[TpmChip.TPM_BUFSIZE], TpmChip.TPM_BUFSIZE) == command.length,
                        "read while bound failed");

                // Another user holds the ops (read side and tpm_mutex) for a long command.
                expect(chip.tryGetOps() == 0, "another TPM user could not get the ops");
                CompletableFuture<Long> write = new CompletableFuture<>();
                Thread writer = new Thread(() -> write.complete(file.write(command, command.length)), "tpm-writer");
                writer.setDaemon(true);
                writer.start();
                Steps.awaitUntil(STORY, () -> chip.opsSem.readers() == 2, "the write to enter the ops' read side");

                CompletableFuture<Integer> unbind = platform.bus().unbindAsync(platform.device());
                Steps.awaitUntil(STORY, () -> chip.opsSem.waiters() > 0,
                        "unregister to delete the cdev and wait for the ops' write side");
                chip.putOps();

                long inFlight = write.get(10, TimeUnit.SECONDS);
                // Collect a response, if the command got one, so that the next write is not -EBUSY.
                file.read(new byte[TpmChip.TPM_BUFSIZE], TpmChip.TPM_BUFSIZE);
                int unbound = unbind.get(10, TimeUnit.SECONDS);
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));
                long after = file.write(command, command.length);
                expect(after == -Errno.EPIPE, "write after unbind returned " + Errno.name(after) + ", expected -EPIPE");
                return inFlight;
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
