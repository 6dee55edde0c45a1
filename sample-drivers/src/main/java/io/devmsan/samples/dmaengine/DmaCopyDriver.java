package io.devmsan.samples.dmaengine;

import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.dmaengine.DmaEngine;

/**
 * A DMA consumer: a driver whose character device {@code /dev/dmacopy<id>} lets user space run
 * memcpy transfers on a channel of whatever provider the dmaengine core offers. Both dmaengine
 * samples use it; what differs is the provider.
 */
public final class DmaCopyDriver implements Driver {

    /** The driver's name; it binds devices named {@code dmacopy} or {@code dmacopy.<id>}. */
    public static final String NAME = "dmacopy";

    private final DmaEngine engine;

    /** A consumer of channels of {@code engine}. */
    public DmaCopyDriver(DmaEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        Device node = new Device(nodeName(pdev), pdev, null);
        Cdev cdev = new Cdev(new DmaCopyFileOps(engine), null);
        DmaCopyNode unit = Devm.kzalloc(pdev, () -> new DmaCopyNode(node, cdev));
        pdev.setDrvdata(unit);
        int ret = cdev.add(pdev, node);
        if (ret < 0) {
            node.put();
            return ret;
        }
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        DmaCopyNode unit = pdev.getDrvdata(DmaCopyNode.class);
        unit.cdev.del();
        unit.node.put();
    }

    /** {@code dmacopy.3} gets the node {@code dmacopy3}. */
    public static String nodeName(Device pdev) {
        return pdev.name().replace(".", "");
    }
}
