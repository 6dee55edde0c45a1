package io.devmsan.samples.modunload.naive;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.samples.runner.Exploration;

/**
 * How the unbind explorer explores the naive module: the story is an open and a close, and the
 * action that matters is {@code rmmod}. The explorer finds the schedules where the unload runs
 * between the open's start and its taking of the module's mutex: the open then reaches freed
 * module memory.
 */
public final class NaiveExploration {

    private NaiveExploration() {
    }

    /** The story, and unbind, device removal during open and module unload. */
    public static Exploration<NaivePlatform> exploration() {
        return new Exploration<>(NaivePlatform::boot, NaiveExploration::openClose, NaiveExploration::teardown,
                (m, subject) -> unbind(m.device()), null, (m, subject) -> remove(m.device()),
                (m, subject) -> {
                    if (m.image().isLive()) {
                        m.image().unload();
                    }
                });
    }

    private static void openClose(NaivePlatform machine) {
        File file = Devtmpfs.open(machine.nodePath());
        file.close();
    }

    /** Unloads the module if it is still loaded and removes the device if it is still there. */
    private static void teardown(NaivePlatform machine) {
        if (machine.image().isLive()) {
            machine.image().unload();
        }
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
