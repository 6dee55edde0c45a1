/**
 * The JMH workload, run side by side in one JMH run: {@link io.devmsan.bench.workload.NoAgent},
 * {@link io.devmsan.bench.workload.HandChecked}, {@link io.devmsan.bench.workload.Agent} and
 * {@link io.devmsan.bench.workload.AgentFull}. The first three that run the annotated driver share
 * their benchmark methods through {@link io.devmsan.bench.workload.DriverWorkload} and differ only
 * in their fork's JVM arguments, so they run the same class files except for the agent's rewrite.
 */
package io.devmsan.bench.workload;
