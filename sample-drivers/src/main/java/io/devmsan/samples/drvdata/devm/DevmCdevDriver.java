package io.devmsan.samples.drvdata.devm;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.devres.Devm;

/**
 * A character-device driver that allocates its private data with {@code devm_kzalloc}, the habit
 * seed 001 asks drivers to drop: {@code remove()} deletes the character device, devres frees the
 * data, and a file that was open all along still reaches it at its last close.
 */
public final class DevmCdevDriver implements Driver {

    /** The driver's name; it binds devices named {@code devmcdev} or {@code devmcdev.<id>}. */
    public static final String NAME = "devmcdev";

    /** A driver instance, to register on a bus. */
    public DevmCdevDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        DevmDrvdata priv = Devm.kzalloc(pdev, DevmDrvdata::new);
        priv.node = new Device(nodeName(pdev), pdev, null);
        priv.cdev = new Cdev(DevmCdevFileOps.INSTANCE, priv);
        pdev.setDrvdata(priv);
        int ret = priv.cdev.add(pdev, priv.node);
        if (ret < 0) {
            priv.node.put();
            return ret;
        }
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        DevmDrvdata priv = pdev.getDrvdata(DevmDrvdata.class);
        priv.cdev.del();
        priv.node.put();
        // devres frees priv next; open files keep their captured operations, which reach it.
    }

    /** {@code devmcdev.3} gets the node {@code devmcdev3}. */
    static String nodeName(Device pdev) {
        return pdev.name().replace(".", "");
    }
}
