package io.devmsan.bench.workload;

import org.openjdk.jmh.annotations.Fork;

/** Variant 1, the baseline: the annotated driver without the agent (annotations do nothing). */
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX})
public class NoAgent extends DriverWorkload {

    @Override
    boolean underAgent() {
        return false;
    }
}
