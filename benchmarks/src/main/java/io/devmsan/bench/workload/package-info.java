/**
 * The JMH workload, run side by side in one JMH run: {@link io.devmsan.bench.workload.NoAgent},
 * {@link io.devmsan.bench.workload.HandChecked}, {@link io.devmsan.bench.workload.Agent},
 * {@link io.devmsan.bench.workload.AgentTracked}, {@link io.devmsan.bench.workload.AgentAfterUnbind}
 * and {@link io.devmsan.bench.workload.AgentFull}.
 * The variants that run the annotated driver share their benchmark methods through
 * {@link io.devmsan.bench.workload.DriverWorkload} and differ only in their fork's JVM arguments
 * (and in the {@link io.devmsan.bench.workload.History} their set-up enacts: a file opened from
 * another thread, another device unbound), so they run the same class files except for the
 * agent's rewrite.
 */
package io.devmsan.bench.workload;
