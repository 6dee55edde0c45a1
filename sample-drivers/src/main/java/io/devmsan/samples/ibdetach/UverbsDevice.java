package io.devmsan.samples.ibdetach;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Mutex;
import io.devmsan.kernel.sync.Srcu;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The uverbs device ({@code struct ib_uverbs_device}): plainly allocated and refcounted by its device
 * structure, which open files pin; it owns the character device, the SRCU that fences the hardware
 * pointer, and the list of open files to disassociate.
 */
final class UverbsDevice {

    private static final AtomicInteger DEV_NUMS = new AtomicInteger();

    final Device dev;
    final Cdev cdev;
    final Srcu disassociateSrcu = new Srcu("disassociate_srcu");
    /** Guards {@link #files}. */
    final Mutex listsMutex = new Mutex("lists_mutex");
    final List<UverbsFile> files = new ArrayList<>();

    /**
     * The hardware driver's device ({@code ib_dev}), read only inside an SRCU read section and
     * cleared by {@link #unregister()}; it belongs to the hardware driver's bind.
     */
    @DevmScoped
    volatile IbHwContext ibDev;

    private UverbsDevice(Device parent, String name) {
        this.dev = new Device(name, parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(UverbsFileOps.INSTANCE, this);
    }

    /**
     * {@code ib_uverbs_add_one}: a uverbs device for {@code hw}, with its node {@code /dev/uverbsN}.
     *
     * @return the device, or null when its character device could not be added
     */
    static UverbsDevice register(Device parent, IbHwContext hw) {
        UverbsDevice uverbs = Slab.kzalloc(() -> new UverbsDevice(parent, "uverbs" + DEV_NUMS.getAndIncrement()));
        uverbs.ibDev = hw;
        if (uverbs.cdev.add(parent, uverbs.dev) < 0) {
            uverbs.dev.put();
            return null;
        }
        return uverbs;
    }

    /**
     * {@code ib_uverbs_remove_one} of the detach flavour: no new opens, then the strong fence (clear
     * the hardware pointer, wait for every SRCU reader), then every open file is disassociated from
     * the hardware while the driver is still bound. It does not wait for the files to be closed.
     */
    void unregister() {
        cdev.del();
        IbHwContext hw = ibDev;
        ibDev = null;
        disassociateSrcu.synchronize();
        List<UverbsFile> open;
        listsMutex.lock();
        try {
            open = new ArrayList<>(files);
            files.clear();
        } finally {
            listsMutex.unlock();
        }
        for (UverbsFile file : open) {
            file.destroyHw(hw);
        }
        dev.put();
    }

    /** Open files not yet released nor disassociated (tests). */
    int openFiles() {
        listsMutex.lock();
        try {
            return files.size();
        } finally {
            listsMutex.unlock();
        }
    }
}
