package io.devmsan.samples.modunload.naive;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.ModuleCode;
import io.devmsan.kernel.core.ModuleImage;

/**
 * The naive module (seed 002): it keeps its own count of open files under a mutex of its own, and
 * its unload decides under that mutex that nobody uses the device, then lets the loader unmap the
 * image, mutex included, while still holding it. A racing open that already waits for the mutex
 * gets it after the unmap and runs on into freed module memory.
 */
public final class NaiveModule implements ModuleCode {

    /** The module's name, which is also its driver's. */
    public static final String NAME = "naive";

    private final Bus bus;
    private NaiveStatics statics;
    private NaiveDriver driver;

    /** The module's code, to load with {@link ModuleImage#load}; its driver registers on {@code bus}. */
    public NaiveModule(Bus bus) {
        this.bus = bus;
    }

    @Override
    public int init(ModuleImage image) {
        statics = image.define(() -> new NaiveStatics(image.defineMutex("naive_lock")));
        driver = new NaiveDriver(statics);
        return bus.registerDriver(driver);
    }

    @Override
    public int fini(ModuleImage image) {
        statics.lock.lock();
        if (statics.opens > 0) {
            statics.lock.unlock();
            return -Errno.EBUSY;
        }
        bus.unregisterDriver(driver);
        // No file is open, so it concludes that the module may go. The loader unmaps the image as
        // soon as this returns, with naive_lock still held: unlocking first would only move the
        // same race into the gap between the unlock and the unmap.
        return 0;
    }

    /** True while the module's mutex is held (the story watches the unload take it). */
    boolean lockHeld() {
        return statics.lock.isLocked();
    }
}
