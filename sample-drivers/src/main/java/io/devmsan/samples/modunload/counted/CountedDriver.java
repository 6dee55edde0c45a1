package io.devmsan.samples.modunload.counted;

import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;

/** The platform driver the counted module registers: each bound device gets {@code /dev/counted<id>}. */
final class CountedDriver implements Driver {

    private final CountedStatics statics;
    private final CountedFileOps fops;

    CountedDriver(CountedStatics statics, CountedFileOps fops) {
        this.statics = statics;
        this.fops = fops;
    }

    @Override
    public String name() {
        return CountedModule.NAME;
    }

    @Override
    public int probe(Device pdev) {
        Device node = new Device(nodeName(pdev), pdev, null);
        Cdev cdev = new Cdev(fops, statics);
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

    /** {@code counted.3} gets the node {@code counted3}. */
    static String nodeName(Device pdev) {
        return pdev.name().replace(".", "");
    }
}
