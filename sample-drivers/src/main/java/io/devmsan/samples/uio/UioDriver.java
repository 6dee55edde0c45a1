package io.devmsan.samples.uio;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;

/**
 * A UIO platform driver: probe allocates the {@link UioDevice} with devres, registers it in the
 * minor table and adds its node; {@code remove()} takes it out of the table, waits until the files
 * using it have let go, and deletes the node. Devres frees the device after that. How open finds
 * the device and takes its reference is the scenarios' difference.
 */
public final class UioDriver implements Driver {

    /** The driver's name; it binds devices named {@code uio_pdrv} or {@code uio_pdrv.<id>}. */
    public static final String NAME = "uio_pdrv";

    private final UioMinors minors;
    private final FileOperations fops;

    /**
     * @param minors the minor table of this machine
     * @param fops the nodes' file operations
     */
    public UioDriver(UioMinors minors, FileOperations fops) {
        this.minors = minors;
        this.fops = fops;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        UioDevice idev = Devm.kzalloc(pdev, UioDevice::new);
        idev.minor = minors.register(idev);
        UioNode node = Slab.kzalloc(() -> new UioNode(pdev, minors, idev.minor, fops));
        Registration registration = new Registration();
        registration.idev = idev;
        registration.node = node;
        pdev.setDrvdata(registration);
        int ret = node.cdev.add(pdev, node.dev);
        if (ret < 0) {
            minors.unregister(idev.minor);
            node.dev.put();
        }
        return ret;
    }

    @Override
    public void remove(Device pdev) {
        Registration registration = pdev.getDrvdata(Registration.class);
        UioDevice idev = registration.idev;
        minors.unregister(idev.minor);
        idev.users.killAndDrain();
        if (registration.node.cdev.isAdded()) {
            registration.node.cdev.del();
        }
        registration.node.dev.put();
    }

    /** What the driver keeps as driver data: the device (devres memory) and its node. */
    public static final class Registration {
        /** The bound device's UIO state. */
        @DevmScoped
        public UioDevice idev;
        /** Its node, which outlives the bind. */
        public UioNode node;
    }
}
