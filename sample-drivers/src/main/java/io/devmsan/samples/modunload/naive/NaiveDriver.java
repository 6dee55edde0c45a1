package io.devmsan.samples.modunload.naive;

import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;

/**
 * The platform driver the naive module registers: each bound device gets the module's character
 * device, {@code /dev/naive<id>}, whose operations reach the module's static data.
 */
final class NaiveDriver implements Driver {

    private final NaiveStatics statics;

    NaiveDriver(NaiveStatics statics) {
        this.statics = statics;
    }

    @Override
    public String name() {
        return NaiveModule.NAME;
    }

    @Override
    public int probe(Device pdev) {
        Device node = new Device(nodeName(pdev), pdev, null);
        Cdev cdev = new Cdev(NaiveFileOps.INSTANCE, statics);
        int ret = cdev.add(pdev, node);
        if (ret < 0) {
            node.put();
            return ret;
        }
        statics.node = node;
        statics.cdev = cdev;
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        statics.cdev.del();
        statics.node.put();
        statics.cdev = null;
        statics.node = null;
    }

    /** {@code naive.3} gets the node {@code naive3}. */
    static String nodeName(Device pdev) {
        return pdev.name().replace(".", "");
    }
}
