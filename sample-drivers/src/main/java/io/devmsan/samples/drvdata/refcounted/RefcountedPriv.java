package io.devmsan.samples.drvdata.refcounted;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.IoMem;
import io.devmsan.kernel.sync.Mutex;

/**
 * The driver's private data, allocated with a plain {@code kzalloc} and refcounted through the
 * device structure it embeds: the last reference (an open file's, through the character device)
 * runs the release callback, which frees it. Only the register window is devm: it is used under
 * {@link #lock} and cleared by {@code remove()} under the same lock.
 */
final class RefcountedPriv {

    /** The class device {@code /dev/refcdev<id>} hangs off; its release frees this structure. */
    final Device dev;
    /** The character device, embedded as in C. */
    final Cdev cdev;
    /** Serialises the file operations against {@code remove()}. */
    final Mutex lock = new Mutex("refcdev lock");

    /** The device's registers; they belong to the bind. Null once removed; read under {@link #lock}. */
    @DevmScoped
    IoMem regs;
    /** Open files. */
    int users;
    /** Set by the release callback, just before the structure is freed (tests look). */
    volatile boolean released;

    RefcountedPriv(Device parent, String name) {
        this.dev = new Device(name, parent, gone -> RefcountedDriver.release(this));
        this.cdev = new Cdev(RefcountedFileOps.INSTANCE, this);
    }
}
