/**
 * Turns one run's result files (benchmarks/target/results) into the summary tables of
 * docs/performance.md; main class {@link io.devmsan.bench.report.Summary}.
 */
package io.devmsan.bench.report;
