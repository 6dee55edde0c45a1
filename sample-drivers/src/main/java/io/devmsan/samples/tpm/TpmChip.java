package io.devmsan.samples.tpm;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Mutex;
import io.devmsan.kernel.sync.RwSemaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TPM core's chip ({@code struct tpm_chip}): its own refcounted device structure (freed by the
 * release callback after the last reference, which open files hold through the character device),
 * the ops pointer into the low-level driver and the rw-semaphore that fences it.
 */
final class TpmChip {

    /** Largest command or response ({@code TPM_BUFSIZE}). */
    static final int TPM_BUFSIZE = 4096;

    private static final AtomicInteger DEV_NUMS = new AtomicInteger();

    final Device dev;
    final Cdev cdev;
    final RwSemaphore opsSem = new RwSemaphore("ops_sem");
    final Mutex tpmMutex = new Mutex("tpm_mutex");
    /** One opener at a time ({@code is_open}). */
    final AtomicBoolean isOpen = new AtomicBoolean();

    /**
     * The low-level driver's callbacks; they belong to its bind. Null once unregistered, and only
     * read under {@link #opsSem}.
     */
    @DevmScoped
    TpmClassOps ops;

    private TpmChip(Device parent, int devNum) {
        this.dev = new Device("tpm" + devNum, parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(TpmDevFops.INSTANCE, this);
    }

    /** {@code tpm_chip_alloc}: a chip with one reference, held by the caller. */
    static TpmChip alloc(Device parent, TpmClassOps ops) {
        TpmChip chip = Slab.kzalloc(() -> new TpmChip(parent, DEV_NUMS.getAndIncrement()));
        chip.ops = ops;
        return chip;
    }

    /**
     * {@code tpmm_chip_alloc}: like {@link #alloc} but the caller's reference is dropped by devres
     * of {@code parent}; open files keep the chip alive after that.
     *
     * @return the chip, or null when the devres action could not be registered
     */
    static TpmChip tpmmAlloc(Device parent, TpmClassOps ops) {
        TpmChip chip = alloc(parent, ops);
        if (Devm.addActionOrReset(parent, chip.dev::put) < 0) {
            return null;
        }
        return chip;
    }

    /** {@code tpm_chip_register}: adds the character device {@code /dev/tpmN}. */
    int register() {
        return cdev.add(dev.parent(), dev);
    }

    /**
     * {@code tpm_chip_unregister}: no new opens, then waits for every operation inside the ops and
     * makes the ops unreachable: once this returns, no ops callback is in progress and none can start.
     */
    void unregister() {
        cdev.del();
        opsSem.downWrite();
        try {
            ops = null;
        } finally {
            opsSem.upWrite();
        }
    }

    /**
     * {@code tpm_try_get_ops}: pins the chip and enters the ops' read side.
     *
     * @return 0, with the ops held until {@link #putOps()}; {@code -EIO} once unregistered
     */
    int tryGetOps() {
        dev.get();
        opsSem.downRead();
        if (ops == null) {
            opsSem.upRead();
            dev.put();
            return -Errno.EIO;
        }
        tpmMutex.lock();
        return 0;
    }

    /** {@code tpm_put_ops}. */
    void putOps() {
        tpmMutex.unlock();
        opsSem.upRead();
        dev.put();
    }

    /**
     * {@code tpm_transmit}: sends {@code len} bytes of {@code buf} and receives the response into
     * it. The caller holds the ops.
     *
     * @return the response length or a negative errno
     */
    int transmit(byte[] buf, int len) {
        TpmClassOps held = ops;
        int rc = held.send(this, buf, len);
        if (rc < 0) {
            return rc;
        }
        return held.recv(this, buf, buf.length);
    }

    @Override
    public String toString() {
        return dev.name();
    }
}
