package io.devmsan.samples.xyz;

import io.devmsan.kernel.devres.IoMem;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver context ({@code struct xyz_driver_context}), allocated with {@code devm_kzalloc}: it
 * lives exactly as long as the driver is bound to the parent device.
 *
 * <p>Deliberately not {@code @ScopeOwned}: the sanitizer catches the bug at the read of the
 * pointer that leads here ({@link XyzIoctlDev#context}), once, not again at every field.
 */
final class XyzContext {

    /** The instance number, which also names the node ({@code /dev/xyzN}). */
    int instance;
    /** The device's registers, mapped with {@code devm_ioremap}. */
    IoMem regs;
    /** The ioctl device, which outlives this context. */
    XyzIoctlDev ioctlDev;
    /** Requests counted by {@link XyzUapi#XYZ_IOC_COUNT}. */
    final AtomicLong requests = new AtomicLong();
}
