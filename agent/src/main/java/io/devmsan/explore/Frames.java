package io.devmsan.explore;

import io.devmsan.runtime.ExplorerHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the driver's frame for a checkpoint or a blocked thread, without knowing the model: the
 * place of an access is its site; for a fence method or file operation it is the frame that called
 * the annotated method, found by walking the stack to that method.
 */
final class Frames {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private static final int MAX_FRAMES = 32;

    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> OWN =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Frames() {
    }

    /** Where the current thread is, for a checkpoint at {@code site}. */
    static String here(ExplorerHooks.SiteInfo site) {
        if (site.access()) {
            return location(site);
        }
        Optional<String> caller = WALKER.walk(frames -> {
            boolean seen = false;
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                boolean isSite = frame.getClassName().equals(site.className())
                        && frame.getMethodName().equals(site.methodName());
                if (isSite) {
                    seen = true;
                } else if (seen) {
                    return Optional.of(frame(frame.toStackTraceElement()));
                }
            }
            return Optional.empty();
        });
        return caller.orElse(location(site));
    }

    /** {@code a.b.C.m(C.java:42)}. */
    static String location(ExplorerHooks.SiteInfo site) {
        String file = site.file() == null ? "Unknown Source" : site.file();
        return site.className() + "." + site.methodName() + "(" + (site.line() >= 0 ? file + ":" + site.line() : file)
                + ")";
    }

    /**
     * The frame of a blocked thread that a report points to: the caller of the fence method it is
     * stuck in when known ({@code waitingIn}), else its first frame outside the JDK and devmsan.
     */
    static StackTraceElement blockedAt(StackTraceElement[] stack, ExplorerHooks.SiteInfo waitingIn) {
        if (waitingIn != null) {
            for (int i = 0; i < stack.length - 1; i++) {
                if (stack[i].getClassName().equals(waitingIn.className())
                        && stack[i].getMethodName().equals(waitingIn.methodName())) {
                    return stack[i + 1];
                }
            }
        }
        for (StackTraceElement frame : stack) {
            if (!isPlumbing(frame.getClassName())) {
                return frame;
            }
        }
        return stack.length > 0 ? stack[0] : new StackTraceElement("unknown", "unknown", null, -1);
    }

    /**
     * A thread's stack for a report, like the runtime prints stacks: the JDK's waiting frames on
     * top, devmsan's own frames and lambda plumbing removed, at most 32 frames.
     */
    static List<String> describe(StackTraceElement[] stack) {
        List<String> frames = new ArrayList<>();
        int start = 0;
        while (start < stack.length && isPlumbing(stack[start].getClassName())) {
            start++;
        }
        for (int i = start; i < stack.length && frames.size() < MAX_FRAMES; i++) {
            String type = stack[i].getClassName();
            if (isOwn(type) || type.contains("$$Lambda")) {
                continue;
            }
            frames.add(frame(stack[i]));
        }
        return frames;
    }

    /** {@code a.b.C.m(C.java:42)}, without the class loader and module prefix of Java 9+. */
    static String frame(StackTraceElement element) {
        String file = element.getFileName() == null ? "Unknown Source" : element.getFileName();
        return element.getClassName() + "." + element.getMethodName() + "("
                + (element.getLineNumber() >= 0 ? file + ":" + element.getLineNumber() : file) + ")";
    }

    private static boolean isPlumbing(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || isOwn(className);
    }

    /**
     * devmsan's own classes: in its packages and from its own code source, so that a test's classes
     * living in devmsan's packages still show (as the runtime's stacks do).
     */
    static boolean isOwn(String className) {
        if (!className.startsWith("io.devmsan.")) {
            return false;
        }
        return OWN.computeIfAbsent(className, name -> {
            try {
                Class<?> type = Class.forName(name, false, Frames.class.getClassLoader());
                return type.getProtectionDomain() == Frames.class.getProtectionDomain();
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                return false;
            }
        });
    }
}
