package io.devmsan.bench.workload;

import org.openjdk.jmh.annotations.Fork;

/**
 * A diagnostic, not a configuration to recommend: the agent with default options and C2's
 * {@code InlineSmallCode} raised from 2500 to 10000 bytes. C2 does not inline a method whose own
 * compiled code is larger than that limit; the rewrite makes {@code XyzDev.ioctl}'s compiled code
 * several times larger, so in the default agent fork the handler is called instead of inlined.
 * The gap between this variant and {@link Agent} is what that lost inlining costs, which is what
 * keeping rewritten methods small would buy.
 */
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX, DriverWorkload.AGENT,
        "-XX:InlineSmallCode=10000"})
public class AgentInlineLimit extends DriverWorkload {
}
