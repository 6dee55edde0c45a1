package io.devmsan.bench.workload;

import org.openjdk.jmh.annotations.Fork;

/** Variant 3: the annotated driver under the agent with its default options. */
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX, DriverWorkload.AGENT})
public class Agent extends DriverWorkload {
}
