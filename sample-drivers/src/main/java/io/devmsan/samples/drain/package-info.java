/**
 * The debugfs drain pattern (field notes: removal waits for active users to drain; lockdep catches
 * the deadlock where a handler needs a lock the remover holds while draining): a sensor driver's
 * {@link io.devmsan.samples.drain.DebugFile} proxies every read through an active-user count that
 * {@code remove()} kills and drains before devres frees the {@link io.devmsan.samples.drain.SensorState}.
 * The main class is {@link io.devmsan.samples.drain.SensorDriver}. Two scenarios share it and
 * differ in {@link io.devmsan.samples.drain.Removal}: {@code drain-under-lock-hang}
 * ({@code .locked}) drains while holding the driver's lock that a read needs,
 * {@code drain-under-lock-fixed} ({@code .unlocked}) drains first.
 */
package io.devmsan.samples.drain;
