/**
 * A tiny driver written against the devmsan annotations, the workload of the benchmarks: the bus
 * ({@link io.devmsan.bench.driver.BenchBus}) with probe, unbind and devres, a character device and
 * its files with file operations, and the driver ({@link io.devmsan.bench.driver.XyzDev}) with
 * {@code @DevmScoped} fields, a {@code @ScopeOwned} context and a devres-mapped I/O region.
 *
 * <p>Without the agent these annotations do nothing, so forks with and without the agent run the
 * same class files; only the agent's rewrite differs.
 */
package io.devmsan.bench.driver;
