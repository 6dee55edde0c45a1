package io.devmsan.kernel.core;

import io.devmsan.kernel.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bus ({@code struct bus_type}): where drivers and devices are registered and matched by name,
 * and where user space binds and unbinds them.
 *
 * <p>{@link #unbind(Device)} is the sysfs {@code unbind} file: any thread may call it at any time,
 * the driver cannot refuse it, and an open file or a module reference does not delay it. It waits
 * only for a probe or another unbind of the same device (the device lock).
 */
public final class Bus {

    private final String name;
    private final Object lock = new Object();
    private final List<Driver> drivers = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();

    /** {@code bus_register}. */
    public Bus(String name) {
        this.name = name;
    }

    /** The bus's name, such as {@code "platform"}. */
    public String name() {
        return name;
    }

    /**
     * {@code driver_register}: registers {@code drv} and binds it to every matching unbound device
     * (probe failures are not reported here, as in the kernel).
     *
     * @return 0, or {@code -EBUSY} when a driver of that name is already registered
     */
    public int registerDriver(Driver drv) {
        synchronized (lock) {
            for (Driver other : drivers) {
                if (other.name().equals(drv.name())) {
                    return -Errno.EBUSY;
                }
            }
            drivers.add(drv);
        }
        for (Device dev : devices()) {
            if (matches(drv, dev)) {
                attach(dev, drv);
            }
        }
        return 0;
    }

    /** {@code driver_unregister}: unbinds every device bound to {@code drv}, then forgets it. */
    public void unregisterDriver(Driver drv) {
        synchronized (lock) {
            if (!drivers.remove(drv)) {
                throw new IllegalStateException("driver " + drv.name() + " is not registered on " + name);
            }
        }
        for (Device dev : devices()) {
            release(dev, drv);
        }
    }

    /**
     * {@code device_add} on this bus, then {@code bus_probe_device}: binds the first matching
     * driver. Takes a reference on the device, dropped by {@link #removeDevice(Device)}.
     *
     * @return 0 whether or not a driver bound, {@code -EEXIST} when the name is taken, or the error
     *     of {@link Device#add()}
     */
    public int addDevice(Device dev) {
        synchronized (lock) {
            for (Device other : devices) {
                if (other.name().equals(dev.name())) {
                    return -Errno.EEXIST;
                }
            }
            int ret = dev.add();
            if (ret < 0) {
                return ret;
            }
            dev.get();
            dev.bus = this;
            devices.add(dev);
        }
        // __device_attach: a failed probe lets the next matching driver try.
        for (Driver drv : drivers()) {
            if (matches(drv, dev) && attach(dev, drv) == 0) {
                break;
            }
        }
        return 0;
    }

    /** {@code device_del} from this bus: unbinds the driver, removes the device, drops the bus's reference. */
    public void removeDevice(Device dev) {
        synchronized (lock) {
            if (!devices.remove(dev)) {
                throw new IllegalStateException("device " + dev.name() + " is not on bus " + name);
            }
        }
        dev.lock();
        try {
            if (dev.driver != null) {
                DriverCore.deviceReleaseDriver(dev);
            }
            dev.bus = null;
        } finally {
            dev.unlock();
        }
        dev.del();
        dev.put();
    }

    /**
     * The sysfs {@code bind} file: binds {@code dev} to the driver named {@code driverName}.
     *
     * @return the probe's result, {@code -ENODEV} when no such driver or device is on this bus or
     *     they do not match, {@code -EBUSY} when the device is already bound
     */
    public int bind(Device dev, String driverName) {
        Driver drv = driver(driverName);
        if (drv == null || !matches(drv, dev)) {
            return -Errno.ENODEV;
        }
        return attach(dev, drv);
    }

    /** Binds {@code dev} to the first registered driver that matches it, as on a device add. */
    public int bind(Device dev) {
        for (Driver drv : drivers()) {
            if (matches(drv, dev)) {
                return attach(dev, drv);
            }
        }
        return -Errno.ENODEV;
    }

    /**
     * The sysfs {@code unbind} file: {@code device_release_driver}. Callable from any thread at any
     * time; returns when {@code remove()} and the devres release have finished.
     *
     * @return 0, or {@code -ENODEV} when no driver is bound
     */
    public int unbind(Device dev) {
        dev.lock();
        try {
            if (dev.bus != this) {
                return -Errno.ENODEV;
            }
            if (dev.driver == null) {
                return -Errno.ENODEV;
            }
            DriverCore.deviceReleaseDriver(dev);
            return 0;
        } finally {
            dev.unlock();
        }
    }

    /**
     * {@link #unbind(Device)} from a new thread, like a shell writing the device's name to the sysfs
     * {@code unbind} file while the caller goes on.
     */
    public CompletableFuture<Integer> unbindAsync(Device dev) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread shell = new Thread(() -> {
            try {
                result.complete(unbind(dev));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "sysfs-unbind " + dev.name());
        shell.setDaemon(true);
        shell.start();
        return result;
    }

    /** Unbinds {@code dev} when bound, then binds it again: the result of the new probe. */
    public int rebind(Device dev) {
        unbind(dev);
        return bind(dev);
    }

    /** The registered driver named {@code driverName}, or null. */
    public Driver driver(String driverName) {
        synchronized (lock) {
            for (Driver drv : drivers) {
                if (drv.name().equals(driverName)) {
                    return drv;
                }
            }
            return null;
        }
    }

    /** The devices on this bus, in order of addition. */
    public List<Device> devices() {
        synchronized (lock) {
            return List.copyOf(devices);
        }
    }

    /** The drivers on this bus, in order of registration. */
    public List<Driver> drivers() {
        synchronized (lock) {
            return new ArrayList<>(drivers);
        }
    }

    /** {@code platform_match}: the device is named like the driver, optionally followed by {@code .id}. */
    static boolean matches(Driver drv, Device dev) {
        String devName = dev.name();
        String drvName = drv.name();
        return devName.equals(drvName) || devName.startsWith(drvName + ".");
    }

    /** {@code device_driver_attach}: probes under the device lock. */
    private int attach(Device dev, Driver drv) {
        dev.lock();
        try {
            if (dev.bus != this) {
                return -Errno.ENODEV;
            }
            if (dev.driver != null) {
                return -Errno.EBUSY;
            }
            return DriverCore.probe(dev, drv);
        } finally {
            dev.unlock();
        }
    }

    /** Unbinds {@code dev} when it is bound to {@code drv}. */
    private void release(Device dev, Driver drv) {
        dev.lock();
        try {
            if (dev.driver == drv) {
                DriverCore.deviceReleaseDriver(dev);
            }
        } finally {
            dev.unlock();
        }
    }

    @Override
    public String toString() {
        return "bus " + name;
    }
}
