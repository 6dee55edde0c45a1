/**
 * devmsan's benchmarks and measurement harnesses (docs/performance.md, run by scripts/bench.sh):
 * {@link io.devmsan.bench.workload.DriverWorkload} is the JMH workload run with and without the
 * agent, {@code driver} the annotated driver it runs, {@code hand} the same driver with hand-written
 * checks, {@code plain} code that touches nothing annotated, {@code startup} and {@code memory} the
 * start-up and heap harnesses, {@code report} the summary of a run.
 */
package io.devmsan.bench;
