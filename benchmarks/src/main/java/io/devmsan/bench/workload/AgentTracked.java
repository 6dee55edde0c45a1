package io.devmsan.bench.workload;

import org.openjdk.jmh.annotations.Fork;

/**
 * Variant 3b: the annotated driver under the agent with its default options, after another thread
 * opened a file: every file operation is tracked (pushed on its thread's operation stack), as in a
 * test suite once a second thread has used the driver. Nothing is dead, so checks are as in
 * {@link Agent}.
 */
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX, DriverWorkload.AGENT})
public class AgentTracked extends DriverWorkload {

    @Override
    History history() {
        return History.SECOND_THREAD;
    }
}
