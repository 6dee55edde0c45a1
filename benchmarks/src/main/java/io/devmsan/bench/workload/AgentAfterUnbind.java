package io.devmsan.bench.workload;

import org.openjdk.jmh.annotations.Fork;

/**
 * Variant 3c: the annotated driver under the agent with its default options, after another device
 * of the driver was unbound with a file of it still open (see {@link History#AFTER_UNBIND}): every
 * check loads and tests its owner token and every file operation is tracked, the agent's most
 * expensive state short of the explorer.
 */
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX, DriverWorkload.AGENT})
public class AgentAfterUnbind extends DriverWorkload {

    @Override
    History history() {
        return History.AFTER_UNBIND;
    }
}
