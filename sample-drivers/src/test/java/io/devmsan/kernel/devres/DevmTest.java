package io.devmsan.kernel.devres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.irq.IrqLine;
import io.devmsan.kernel.irq.IrqReturn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevmTest {

    /** Probe acquires one of each managed resource; the test inspects the devres log. */
    private static final class AllResourcesDriver implements Driver {
        final IrqLine line = IrqLine.exclusive(7);
        final List<String> log = new ArrayList<>();

        @Override
        public String name() {
            return "all";
        }

        @Override
        public int probe(Device dev) {
            Object ctx = Devm.kzalloc(dev, Object::new);
            IoMem regs = Devm.ioremap(dev, 16);
            regs.writel(1, 0);
            int ret = Devm.requestIrq(dev, line, irq -> IrqReturn.HANDLED);
            Devm.addAction(dev, () -> log.add("action"));
            dev.setDrvdata(ctx);
            return ret;
        }

        @Override
        public void remove(Device dev) {
            log.add("remove");
        }
    }

    @Test
    void everyManagedResourceIsReleasedAtUnbindNewestFirst() {
        Bus bus = new Bus("platform");
        AllResourcesDriver drv = new AllResourcesDriver();
        bus.registerDriver(drv);
        Device dev = new Device("all.0");
        bus.addDevice(dev);
        assertEquals(List.of("devm_kzalloc Object", "devm_ioremap", "devm_irq 7", "devm_action"),
                dev.devres().names());
        assertEquals(1, drv.line.handlers());
        long freedBefore = Slab.freed();

        bus.unbind(dev);

        assertEquals(List.of("remove", "action"), drv.log);
        assertEquals(0, drv.line.handlers(), "free_irq ran");
        assertEquals(0, dev.devres().size());
        assertTrue(Slab.freed() - freedBefore >= 1, "kfree of the devm_kzalloc object ran");
    }

    @Test
    void aPlainMappingReadsAllOnesOnceUnmapped() {
        IoMem io = IoMem.ioremap(8);
        io.writel(0x1234, 4);
        assertEquals(0x1234, io.readl(4));
        IoMem.iounmap(io);
        assertFalse(io.isMapped());
        assertEquals(IoMem.ALL_ONES, io.readl(4));
        io.writel(5, 4);
        assertEquals(IoMem.ALL_ONES, io.readl(4));
        assertThrows(IllegalStateException.class, () -> IoMem.iounmap(io));
    }

    @Test
    void aDeviceWithoutDriverUnwindsItsDevresAtDeviceDel() {
        Device parent = new Device("parent");
        Device classDev = new Device("classdev", parent, null);
        List<String> log = new ArrayList<>();
        assertEquals(0, classDev.add());
        IoMem regs = Devm.ioremap(classDev, 8);
        Devm.addAction(classDev, () -> log.add("action"));

        classDev.del();

        assertEquals(List.of("action"), log);
        assertFalse(regs.isMapped(), "device_del unmapped the window");
        assertEquals(0, classDev.devres().size());
    }

    @Test
    void registerOffsetsAreChecked() {
        IoMem io = IoMem.ioremap(8);
        assertThrows(IndexOutOfBoundsException.class, () -> io.readl(8));
        assertThrows(IndexOutOfBoundsException.class, () -> io.readl(2));
        assertThrows(IllegalArgumentException.class, () -> IoMem.ioremap(6));
    }

    @Test
    void releaseActionRunsNowAndOnlyOnce() {
        Device dev = new Device("dev");
        List<String> log = new ArrayList<>();
        Runnable action = () -> log.add("released");
        assertEquals(0, Devm.addAction(dev, action));

        assertEquals(0, Devm.releaseAction(dev, action));
        assertEquals(-Errno.ENOENT, Devm.releaseAction(dev, action));
        dev.devres().releaseAll();

        assertEquals(List.of("released"), log);
        assertEquals(-Errno.EINVAL, Devm.addAction(dev, null));
    }

    @Test
    void oneFailingReleaseDoesNotLeakTheOthers() {
        Devres devres = new Devres("dev");
        List<String> log = new ArrayList<>();
        devres.add("first", () -> log.add("first"));
        devres.add("broken", () -> {
            throw new IllegalStateException("broken release");
        });
        devres.add("last", () -> log.add("last"));

        IllegalStateException failure = assertThrows(IllegalStateException.class, devres::releaseAll);

        assertEquals(List.of("last", "first"), log);
        assertTrue(failure.getMessage().contains("broken"), failure.getMessage());
        assertEquals(0, devres.size());
    }
}
