package io.devmsan.runtime;

import java.security.ProtectionDomain;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures stacks for reports: the runtime's and the agent's own frames removed, JDK reflection
 * and method-handle plumbing removed from the top, innermost first, at most the configured
 * depth, each frame as {@link StackTraceElement#toString()} prints it.
 *
 * <p>"Our own" frames are recognised by package and by coming from the agent's own code source,
 * so that test classes living in the runtime's package still show in their stacks.
 */
final class Stacks {

    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final ProtectionDomain OWN_DOMAIN = Stacks.class.getProtectionDomain();

    private static final ClassValue<Boolean> OWN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            if (!name.startsWith("io.devmsan.runtime.") && !name.startsWith("io.devmsan.agent.")
                    && !name.startsWith("io.devmsan.explore.")) {
                return false;
            }
            return type.getProtectionDomain() == OWN_DOMAIN;
        }
    };

    private Stacks() {
    }

    /** The current thread's stack, for a report. */
    static List<String> capture(int depth) {
        return WALKER.walk(frames -> frames
                .dropWhile(frame -> isOwn(frame.getDeclaringClass()) || isPlumbing(frame.getClassName()))
                .filter(frame -> !isOwn(frame.getDeclaringClass()))
                .limit(depth)
                .map(frame -> frame.toStackTraceElement().toString())
                .collect(Collectors.toUnmodifiableList()));
    }

    /** The current stack at the configured depth. */
    static List<String> capture() {
        return capture(Core.config().stackDepth());
    }

    static boolean isOwn(Class<?> type) {
        return OWN.get(type);
    }

    /** Reflection and method-handle frames that may sit between the runtime and the caller. */
    private static boolean isPlumbing(String className) {
        return className.startsWith("java.lang.reflect.")
                || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.invoke.")
                || className.startsWith("sun.reflect.");
    }
}
