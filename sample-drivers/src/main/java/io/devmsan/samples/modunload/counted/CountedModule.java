package io.devmsan.samples.modunload.counted;

import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.ModuleCode;
import io.devmsan.kernel.core.ModuleImage;

/**
 * The counted module (seed 002's proposal): its unload takes the module's mutex, sets the unloading
 * flag, unlinks its entry points (unregisters its driver, which deletes the character device), and
 * sleeps, with the mutex released, until every entrance into the module has exited; only then does
 * it release the mutex and let the image be unmapped. Files opened before stay open and their
 * operations fail with {@code -ENODEV}.
 */
public final class CountedModule implements ModuleCode {

    /** The module's name, which is also its driver's. */
    public static final String NAME = "counted";

    private final Bus bus;
    private final UnloadGate gate = new UnloadGate();
    private CountedStatics statics;
    private CountedDriver driver;

    /** The module's code, to load with {@link ModuleImage#load}; its driver registers on {@code bus}. */
    public CountedModule(Bus bus) {
        this.bus = bus;
    }

    @Override
    public int init(ModuleImage image) {
        statics = image.define(() -> new CountedStatics(image.defineMutex("counted_lock")));
        driver = new CountedDriver(statics, new CountedFileOps(gate));
        return bus.registerDriver(driver);
    }

    @Override
    public int fini(ModuleImage image) {
        statics.lock.lock();
        gate.startUnload();
        bus.unregisterDriver(driver);
        while (!gate.drained()) {
            statics.lock.unlock();
            gate.awaitExit();
            statics.lock.lock();
        }
        statics.lock.unlock();
        return 0;
    }

    /** True once the unload has set the flag (the story watches it). */
    boolean unloading() {
        return gate.unloading();
    }
}
