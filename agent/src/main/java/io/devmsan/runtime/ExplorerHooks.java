package io.devmsan.runtime;

import java.util.List;

/**
 * The runtime's side of the unbind explorer ({@code io.devmsan.explore}), which lives in its own
 * package and reaches the runtime only through this class: arming a listener that sees every
 * checked access and every lifecycle and fence point of the model, describing sites, and recording
 * what the explorer finds as violations.
 *
 * <p>Not for application code: tests use {@code io.devmsan.explore.UnbindExplorer}.
 */
public final class ExplorerHooks {

    private ExplorerHooks() {
    }

    /** What happened at a point the listener sees. */
    public enum Event {
        /** A checked access to owned state (live or dead); the subject is null. */
        ACCESS,
        /**
         * The access just passed to the listener (after the listener returned, so after any
         * stop there) reaches released state: a violation is being reported; the subject is null.
         */
        DEAD_ACCESS,
        /** Entry of a fence method that may block (a lock, a synchronize); the subject is the fence. */
        FENCE_ATTEMPT,
        /** A read side is now held. */
        FENCE_ENTER,
        /** A read side ended. */
        FENCE_EXIT,
        /** Every read side of the fence has ended (a writer got in, a grace period passed). */
        FENCE_SYNCHRONIZE,
        /** A file operation starts; the subject is the file. */
        OPERATION_ENTER,
        /** A file operation ended; the subject is null. */
        OPERATION_EXIT,
        /** An asynchronous entry point starts; the subject is the device. */
        ENTRY_ENTER,
        /** An asynchronous entry point ended; the subject is null. */
        ENTRY_EXIT,
        /** An unbind starts; the subject is the device. */
        UNBIND_ENTER,
        /** An unbind ended: the bind scope is released. */
        UNBIND_EXIT,
        /** A character device was unregistered; the subject is the cdev. */
        CDEV_DEL,
        /** An object was freed; the subject is the object. */
        FREE
    }

    /** Sees events on the thread they happen on, inside driver code; may park that thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param event what happened
         * @param subject the object the hook names (see {@link Event}), or null
         * @param site the place's index in {@link Sites}
         */
        void onEvent(Event event, Object subject, int site);
    }

    /**
     * What a site is, for checkpoints and interleaving tables.
     *
     * @param className binary name of the class the site is in
     * @param methodName its method
     * @param file its source file, or null
     * @param line its line, or -1
     * @param resource what is accessed, or the lifecycle point's name
     * @param access true for an access to owned or scoped state, false for a lifecycle or fence method
     * @param accessKind read, write or call
     */
    public record SiteInfo(String className, String methodName, String file, int line, String resource,
            boolean access, String accessKind) {
    }

    /** One step of an interleaving, for the timeline of a recorded finding. */
    public record Step(long tUs, String thread, String event, String detail) {
    }

    /**
     * Arms the runtime: from now on every checked access and every lifecycle and fence point goes
     * to {@code listener}, on the thread where it happens. One listener at a time.
     *
     * @throws IllegalStateException when another listener is armed
     */
    public static synchronized void arm(Listener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("ExplorerHooks.arm: listener is null; use disarm() to stop");
        }
        if (Core.accessListener != null) {
            throw new IllegalStateException("ExplorerHooks.arm: another explorer is armed; explorations cannot "
                    + "run concurrently in one JVM");
        }
        Core.arm(new AccessListener() {
            @Override
            public void onAccess(Lifetime owner, int site) {
                listener.onEvent(Event.ACCESS, null, site);
                if (owner.isDead()) {
                    listener.onEvent(Event.DEAD_ACCESS, null, site);
                }
            }

            @Override
            public void onEvent(Event event, Object subject, int site) {
                listener.onEvent(event, subject, site);
            }
        });
    }

    /** Disarms the listener; the fence analysis, when on, stays armed. */
    public static synchronized void disarm() {
        Core.arm(null);
    }

    /** The site at {@code index}; an unknown index describes an unknown place. */
    public static SiteInfo site(int index) {
        Site site = SiteTable.INSTANCE.get(index);
        boolean access = site.kind != Sites.Kind.LIFECYCLE && site.kind != Sites.Kind.ALLOCATION;
        return new SiteInfo(site.className, site.methodName, site.sourceFile, site.line, site.resource, access,
                site.accessKind());
    }

    /** The object's {@code toString()}, guarded: a failure or recursion yields its class and identity. */
    public static String name(Object object) {
        ThreadState state = ThreadState.current();
        boolean wasReporting = state.reporting;
        // A toString() that touches dead state is not the program's access: not a violation.
        state.reporting = true;
        try {
            return Names.of(object);
        } finally {
            state.reporting = wasReporting;
        }
    }

    /**
     * Records an {@code unbind-race}: a violation ({@code offending}) happened in a schedule of the
     * explorer, at the access of {@code site}. Release and allocation come from {@code offending},
     * whose details are those of its first occurrence; the place, thread and stack are this
     * schedule's access; the interleaving is its timeline.
     *
     * @return the recorded violation (the earlier one when the fingerprint is known)
     */
    public static Violation recordRace(Violation offending, int site, String thread, List<String> accessStack,
            String explanation, List<Step> interleaving) {
        return Findings.race(offending, site, thread, accessStack, explanation, Findings.steps(interleaving));
    }

    /** The current thread's stack as reports show it: devmsan's own frames removed, innermost first. */
    public static List<String> stack() {
        return Stacks.capture();
    }

    /**
     * Records an {@code unbind-hang}: neither the story nor the injected action could finish.
     *
     * @param device the device the action was about, as named in reports
     * @param blockedAt the story's frame where it waits (the line a report points to)
     * @param blockedOn what it waits for, such as {@code io.devmsan.kernel.sync.Mutex#lock()}
     * @return the recorded violation (the earlier one when the fingerprint is known)
     */
    public static Violation recordHang(String device, StackTraceElement blockedAt, String blockedOn,
            String storyThread, List<String> storyStack, String actionThread, List<String> actionStack,
            String explanation, List<Step> interleaving) {
        return Findings.hang(device, blockedAt, blockedOn, storyThread, storyStack, actionThread, actionStack,
                explanation, Findings.steps(interleaving));
    }
}
