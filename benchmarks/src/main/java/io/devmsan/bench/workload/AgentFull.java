package io.devmsan.bench.workload;

import org.openjdk.jmh.annotations.Fork;

/**
 * Variant 4: the annotated driver under the agent with {@code provenance=full}, which also records
 * file operations and entry points in the device timelines.
 */
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX,
        DriverWorkload.AGENT + "=provenance=full"})
public class AgentFull extends DriverWorkload {

    @Override
    boolean operationsTracked() {
        return true; // full provenance records every operation in the timeline
    }
}
