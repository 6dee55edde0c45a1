package io.devmsan.samples.stress;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Machine;

/**
 * A {@link StressTarget} on a {@link Machine}: opens the bound driver's node, unbinds and binds
 * through sysfs, shuts the machine down. Subclasses say which operations to run and what they may
 * return.
 */
public abstract class MachineTarget implements StressTarget {

    /** The machine under stress. */
    protected final Machine machine;

    protected MachineTarget(Machine machine) {
        this.machine = machine;
    }

    @Override
    public File open() {
        return Devtmpfs.open(machine.nodePath());
    }

    @Override
    public int unbind() {
        return machine.unbind();
    }

    @Override
    public int rebind() {
        return machine.bind();
    }

    @Override
    public void shutdown() {
        machine.shutdown();
    }
}
