package io.devmsan.samples.drain;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sensor driver with a debugfs-style file: probe allocates the state with devres and creates the
 * file; {@code remove()} retires the file and quiesces the sensor as its {@link Removal} says, then
 * deletes the file's node. Devres frees the state after that.
 */
public final class SensorDriver implements Driver {

    /** The driver's name; it binds devices named {@code sensor} or {@code sensor.<id>}. */
    public static final String NAME = "sensor";

    private static final AtomicInteger FILES = new AtomicInteger();

    private final Removal removal;

    /** @param removal how remove() drains the readers and quiesces the sensor */
    public SensorDriver(Removal removal) {
        this.removal = removal;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        SensorState state = Devm.kzalloc(pdev, SensorState::new);
        DebugFile file = Slab.kzalloc(() -> new DebugFile(pdev, "sensor_samples" + FILES.getAndIncrement()));
        file.state = state;
        pdev.setDrvdata(file);
        int ret = file.cdev.add(pdev, file.dev);
        if (ret < 0) {
            file.dev.put();
        }
        return ret;
    }

    @Override
    public void remove(Device pdev) {
        DebugFile file = pdev.getDrvdata(DebugFile.class);
        removal.retire(file, file.state);
        if (file.cdev.isAdded()) {
            file.cdev.del();
        }
        file.dev.put();
    }
}
