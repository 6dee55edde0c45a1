package io.devmsan.samples.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The TPM core and TIS driver on the model alone. */
class TpmModelTest {

    private static final byte[] COMMAND = "TPM2_Startup".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aWrittenCommandIsAnsweredByTheNextRead() {
        TpmPlatform platform = TpmPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        assertEquals(FileOperations.EPOLLOUT | FileOperations.EPOLLWRNORM, file.poll());

        assertEquals(COMMAND.length, file.write(COMMAND, COMMAND.length));
        assertEquals(FileOperations.EPOLLIN | FileOperations.EPOLLRDNORM, file.poll());
        assertEquals(-Errno.EBUSY, file.write(COMMAND, COMMAND.length), "the response was not read yet");
        byte[] response = new byte[TpmChip.TPM_BUFSIZE];
        long n = file.read(response, response.length);

        assertArrayEquals(COMMAND, Arrays.copyOf(response, (int) n));
        file.close();
        platform.shutdown();
    }

    @Test
    void oneOpenerAtATime() {
        TpmPlatform platform = TpmPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        assertEquals(-Errno.EBUSY, assertThrows(ErrnoException.class,
                () -> Devtmpfs.open(platform.nodePath())).errno());
        file.close();
        Devtmpfs.open(platform.nodePath()).close();
        platform.shutdown();
    }

    @Test
    void afterUnbindWriteFailsWithEpipeAndTheChipLivesUntilTheLastClose() {
        TpmPlatform platform = TpmPlatform.boot();
        TpmChip chip = platform.chip();
        File file = Devtmpfs.open(platform.nodePath());

        assertEquals(0, platform.bus().unbind(platform.device()));

        assertNull(chip.ops, "unregister cleared the ops");
        assertEquals(-Errno.EPIPE, file.write(COMMAND, COMMAND.length));
        assertEquals(0, file.read(new byte[16], 16), "no response");
        assertEquals(1, chip.dev.refcount(), "pinned by the open file");
        file.close();
        assertEquals(0, chip.dev.refcount(), "released with the last close");
        platform.shutdown();
    }

    @Test
    void unregisterWaitsForTheOperationInsideTheOpsAndNoneStartsAfter() throws Exception {
        CountDownLatch inSend = new CountDownLatch(1);
        CountDownLatch finishSend = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        TpmClassOps blocking = new TpmClassOps() {
            @Override
            public int send(TpmChip chip, byte[] buf, int len) {
                log.add("send");
                inSend.countDown();
                try {
                    assertTrue(finishSend.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }

            @Override
            public int recv(TpmChip chip, byte[] buf, int count) {
                log.add("recv");
                return 0;
            }
        };
        Device parent = new Device("tpm_test_parent");
        TpmChip chip = TpmChip.alloc(parent, blocking);
        assertEquals(0, chip.register());
        Thread user = Await.start("tpm user", () -> {
            assertEquals(0, chip.tryGetOps());
            try {
                chip.transmit(new byte[8], 8);
                log.add("leaving the ops");
            } finally {
                chip.putOps();
            }
        });
        assertTrue(inSend.await(10, TimeUnit.SECONDS));
        Thread unregister = Await.start("unregister", () -> {
            chip.unregister();
            log.add("unregistered");
        });
        Await.blocked(unregister);
        assertEquals(List.of("send"), log);

        finishSend.countDown();

        Await.joined(unregister);
        Await.joined(user);
        assertEquals(List.of("send", "recv", "leaving the ops", "unregistered"), log);
        assertEquals(-Errno.EIO, chip.tryGetOps());
        assertEquals(List.of("send", "recv", "leaving the ops", "unregistered"), log, "no callback after unregister");
        chip.dev.put();
    }
}
