/**
 * Managed resources: what a driver acquires with {@code devm_*} in probe is released by the driver
 * core, in reverse order, right after {@code remove()} returns or when probe fails. Its main class is
 * {@link io.devmsan.kernel.devres.Devm}, the driver-facing API; {@link io.devmsan.kernel.devres.Slab}
 * is plain (unmanaged) allocation and {@link io.devmsan.kernel.devres.IoMem} a mapped register
 * window.
 *
 * <p>devres ties memory to the bind, not to the users of the memory: anything that can still run
 * after unbind (a file operation on a file opened before, a shared interrupt, a consumer in another
 * subsystem) finds it freed.
 */
package io.devmsan.kernel.devres;
