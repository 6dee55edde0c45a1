/**
 * The driver core: buses, devices, drivers and modules. Its main class is
 * {@link io.devmsan.kernel.core.Bus}, where devices and drivers meet and where user space binds
 * and unbinds them (the sysfs {@code bind} and {@code unbind} files).
 *
 * <p>{@code DriverCore} holds the two lifecycle points the sanitizer hooks: probing a driver
 * ({@code really_probe}) and releasing it ({@code device_release_driver}). Unbind runs the
 * driver's {@code remove()} and then releases the device's managed resources in reverse order;
 * it cannot be refused, and module references do not prevent it.
 *
 * <p>{@code ModuleImage} is a module's memory rather than its reference count: loading it opens a
 * lifetime scope for the module's static data and unloading frees that data, so that a use of a
 * module after its unload is seen like a use of a driver after its unbind.
 */
package io.devmsan.kernel.core;
