package io.devmsan.samples.modunload.counted;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.samples.runner.Exploration;

/**
 * How the unbind explorer explores the counted module: open, one request, close, with
 * {@code rmmod} (and unbind, and removal during open) injected at every checkpoint. Wherever it
 * lands, an operation inside the module holds an entrance the unload waits for, and one that comes
 * later turns back at the unloading flag without touching the module's memory.
 */
public final class CountedExploration {

    private CountedExploration() {
    }

    /** The story, and unbind, device removal during open and module unload. */
    public static Exploration<CountedPlatform> exploration() {
        return new Exploration<>(CountedPlatform::boot, CountedExploration::openRequestClose,
                CountedExploration::teardown, (m, subject) -> unbind(m.device()), null,
                (m, subject) -> remove(m.device()), (m, subject) -> m.rmmod());
    }

    private static void openRequestClose(CountedPlatform machine) {
        File file = Devtmpfs.open(machine.nodePath());
        try {
            file.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, 0);
        } finally {
            file.close();
        }
    }

    /** Unloads the module if it is still loaded and removes the device if it is still there. */
    private static void teardown(CountedPlatform machine) {
        machine.rmmod();
        remove(machine.device());
    }

    private static void unbind(Device device) {
        Bus bus = device.bus();
        if (bus != null) {
            bus.unbind(device);
        }
    }

    private static void remove(Device device) {
        Bus bus = device.bus();
        if (bus != null && bus.devices().contains(device)) {
            bus.removeDevice(device);
        }
    }
}
