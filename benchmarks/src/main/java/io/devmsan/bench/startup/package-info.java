/** The start-up harness: {@link io.devmsan.bench.startup.Trivial}, timed by scripts/bench-startup.sh. */
package io.devmsan.bench.startup;
