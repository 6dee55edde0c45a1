package io.devmsan.samples.irqfree;

import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.irq.IrqLine;
import io.devmsan.kernel.irq.IrqReturn;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A board with one {@code shirq-rx} device wired to a shared interrupt line, built with
 * {@code CONFIG_DEBUG_SHIRQ} unless told otherwise, and its driver bound to it. The board also plays the hardware: it
 * can raise the device's receive status and fire the line.
 */
public final class ShirqPlatform {

    /** The line's interrupt number. */
    public static final int IRQ = 17;

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final ShirqRxDriver driver;
    private final Device device;
    private final IrqLine line;

    private ShirqPlatform(Bus bus, ShirqRxDriver driver, Device device, IrqLine line) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
        this.line = line;
    }

    /** {@link #boot(IrqLine.DebugShirq)} with {@code CONFIG_DEBUG_SHIRQ} on. */
    public static ShirqPlatform boot() {
        return boot(IrqLine.DebugShirq.ON);
    }

    /** Registers the driver and adds a new device {@code shirq-rx.<id>}, which binds. */
    public static ShirqPlatform boot(IrqLine.DebugShirq debugShirq) {
        Bus bus = new Bus("platform");
        IrqLine line = IrqLine.shared(IRQ, debugShirq);
        ShirqRxDriver driver = new ShirqRxDriver(line);
        bus.registerDriver(driver);
        Device device = new Device(ShirqRxDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("shirq-rx did not bind to " + device + " (add returned " + ret + ")");
        }
        return new ShirqPlatform(bus, driver, device, line);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The device. */
    public Device device() {
        return device;
    }

    /** The shared interrupt line. */
    public IrqLine line() {
        return line;
    }

    /** The hardware receives a packet: sets the receive status and fires the line on this thread. */
    public IrqReturn receive() {
        RxPriv priv = device.getDrvdata(RxPriv.class);
        if (priv == null) {
            throw new IllegalStateException(device + " is not bound");
        }
        priv.regs.writel(ShirqRxDriver.INT_RX, ShirqRxDriver.REG_INT_STATUS);
        return line.fire();
    }

    /** Packets the bound driver has handled (tests look). */
    long packets() {
        return device.getDrvdata(RxPriv.class).ring.packets;
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
