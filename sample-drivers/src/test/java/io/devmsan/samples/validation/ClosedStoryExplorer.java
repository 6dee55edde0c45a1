package io.devmsan.samples.validation;

import io.devmsan.explore.Action;
import io.devmsan.explore.UnbindExplorer;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.samples.runner.Scenario;

/**
 * Explores a scenario whose story is played once (it boots its machine, plays user space, unbinds
 * and shuts down by itself): the whole story is the explorer's story, and the actions find the
 * device from what the story stopped in (the host device of a file's character device, or the
 * device of an entry point), so that no scenario needs to know about the explorer. Checkpoints
 * after the story's own unbind are not explored (the explorer's horizon).
 */
final class ClosedStoryExplorer {

    private ClosedStoryExplorer() {
    }

    static UnbindExplorer<Scenario> of(Scenario scenario) {
        return UnbindExplorer.<Scenario>of(() -> scenario, s -> s.story().run(), s -> { })
                .withName(scenario.id())
                .withAction(Action.UNBIND, (s, subject) -> unbind(subject))
                .withAction(Action.DEVICE_REMOVAL_DURING_OPEN, (s, subject) -> remove(subject));
    }

    /** The sysfs unbind of the device the story stopped in, when it is still bound. */
    static void unbind(Object subject) {
        Device device = deviceOf(subject);
        Bus bus = device == null ? null : device.bus();
        if (bus != null && device.driver() != null) {
            bus.unbind(device);
        }
    }

    /** The removal of the device the story stopped in, when it is still on its bus. */
    static void remove(Object subject) {
        Device device = deviceOf(subject);
        Bus bus = device == null ? null : device.bus();
        if (bus != null && bus.devices().contains(device)) {
            bus.removeDevice(device);
        }
    }

    /** The device whose driver serves a file (its cdev's host), or an entry point's device. */
    static Device deviceOf(Object subject) {
        if (subject instanceof File) {
            return ((File) subject).cdev().host();
        }
        return subject instanceof Device ? (Device) subject : null;
    }
}
