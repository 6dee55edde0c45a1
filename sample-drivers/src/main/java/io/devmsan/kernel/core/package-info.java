/**
 * The driver core: buses, devices, drivers and modules. Its main class is
 * {@link io.devmsan.kernel.core.Bus}, where devices and drivers meet and where user space binds
 * and unbinds them (the sysfs {@code bind} and {@code unbind} files).
 *
 * <p>{@code DriverCore} holds the two lifecycle points the sanitizer hooks: probing a driver
 * ({@code really_probe}) and releasing it ({@code device_release_driver}). Unbind runs the
 * driver's {@code remove()} and then releases the device's managed resources in reverse order;
 * it cannot be refused, and module references do not prevent it.
 */
package io.devmsan.kernel.core;
