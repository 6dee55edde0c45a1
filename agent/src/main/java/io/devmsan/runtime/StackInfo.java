package io.devmsan.runtime;

import java.util.List;

/**
 * A stack with what it shows: the unbind (or free) that released a resource, or where the
 * resource was allocated.
 *
 * @param heading the text report's heading, such as {@code Freed by unbind of device xyz.0 on thread "u"}
 * @param kind unbind, failed-probe or free for a release; probe, allocated, stored or adopted for an allocation
 * @param thread the thread it happened on
 * @param stack innermost first; empty when not recorded
 */
record StackInfo(String heading, String kind, String thread, List<String> stack) {

    StackInfo {
        stack = List.copyOf(stack);
    }
}
