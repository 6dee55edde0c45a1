package io.devmsan.runtime;

/**
 * The lifecycle points of {@link DevmsanRuntime} (probe, unbind, devres, cdev, file operations,
 * fences): each goes to the class for its role ({@link BindScopes}, {@link CharDevices},
 * {@link Fences}), then to the explorer's listener when one is armed. Cold paths, except the rare
 * part of entering a file operation, which runs only while {@link DevmsanRuntime#operationsWatched}.
 * Each point but the unbind's exit first tells {@link OperationTracking} about itself (those that
 * can end a lifetime begin tracking, the others only count as a use of the model by their thread)
 * and reclaims the dead tokens the GC has collected ({@link DeadTokens}).
 */
final class LifecyclePoints {

    private LifecyclePoints() {
    }

    static void probeEnter(Object device, int site) {
        used();
        BindScopes.probeEnter(device, site);
    }

    static void probeExit(Object device, Throwable thrown, int site) {
        if (thrown != null) {
            mayEndALifetime(); // a failed probe releases its scope
        } else {
            used();
        }
        BindScopes.probeExit(device, thrown, site);
    }

    static void unbindEnter(Object device, int site) {
        mayEndALifetime();
        BindScopes.unbindEnter(device, site);
        notify(ExplorerHooks.Event.UNBIND_ENTER, device, site);
    }

    static void unbindExit(Object device, Throwable thrown, int site) {
        BindScopes.unbindExit(device, thrown, site);
        notify(ExplorerHooks.Event.UNBIND_EXIT, device, site);
    }

    static void adopt(Object device, Object object, int site) {
        used();
        BindScopes.adopt(device, object, site);
    }

    static void free(Object object, int site) {
        mayEndALifetime();
        BindScopes.free(object, site);
        notify(ExplorerHooks.Event.FREE, object, site);
    }

    static void cdevAdd(Object cdev, Object device, int site) {
        used();
        CharDevices.cdevAdd(cdev, device, site);
    }

    static void cdevDel(Object cdev, int site) {
        mayEndALifetime();
        CharDevices.cdevDel(cdev, site);
        notify(ExplorerHooks.Event.CDEV_DEL, cdev, site);
    }

    static void fileOpened(Object cdev, Object file, int site) {
        used();
        CharDevices.fileOpened(cdev, file, site);
    }

    /**
     * The rare part of entering an operation or entry point ({@code type}, an
     * {@link OperationStack} constant): see {@link DevmsanRuntime#operationsWatched}.
     */
    static void entered(byte type, OperationStack operations, Object subject, int site) {
        if (type == OperationStack.FILE_OPERATION) {
            CharDevices.operationDetails(operations, subject, site);
            notify(ExplorerHooks.Event.OPERATION_ENTER, subject, site);
        } else {
            CharDevices.entryDetails(operations, subject, site);
            notify(ExplorerHooks.Event.ENTRY_ENTER, subject, site);
        }
    }

    static void exited(byte type, int site) {
        notify(type == OperationStack.FILE_OPERATION ? ExplorerHooks.Event.OPERATION_EXIT
                : ExplorerHooks.Event.ENTRY_EXIT, null, site);
    }

    static void fenceAttempt(Object fence, int site) {
        notify(ExplorerHooks.Event.FENCE_ATTEMPT, fence, site);
    }

    static void fenceEnter(Object fence, int site) {
        used();
        Fences.enter(fence, site);
        notify(ExplorerHooks.Event.FENCE_ENTER, fence, site);
    }

    static void fenceExit(Object fence, int site) {
        used();
        Fences.exit(fence, site);
        notify(ExplorerHooks.Event.FENCE_EXIT, fence, site);
    }

    static void fenceSynchronize(Object fence, int site) {
        used();
        Fences.synchronize(fence, site);
        notify(ExplorerHooks.Event.FENCE_SYNCHRONIZE, fence, site);
    }

    /**
     * A hook of {@link DevmsanRuntime} threw: the program goes on as if the hook had not run (the
     * agent must not break it), and the failure is said once per site.
     */
    static void hookFailed(Throwable failure, int site) {
        try {
            Site where = SiteTable.INSTANCE.get(site);
            Log.warnOnce("hook-failed:" + site, "devmsan skipped its hook at " + where.className + "."
                    + where.methodName + " (" + where.resource + "), which failed: " + failure);
        } catch (Throwable ignored) {
            // Nothing left to tell the program about; it goes on.
        }
    }

    /** A point that cannot end a lifetime: this thread uses the model; collected tokens are reclaimed. */
    private static void used() {
        OperationTracking.seen();
        DeadTokens.reclaim();
    }

    /** A point that may end a lifetime: tracking begins before it does; collected tokens are reclaimed. */
    private static void mayEndALifetime() {
        OperationTracking.begin();
        DeadTokens.reclaim();
    }

    /**
     * Hands a lifecycle point to the explorer's listener, when one is armed. After the runtime's
     * own bookkeeping and outside its locks: the listener may park this thread.
     */
    private static void notify(ExplorerHooks.Event event, Object subject, int site) {
        if (!DevmsanRuntime.armed) {
            return;
        }
        AccessListener listener = Core.accessListener;
        if (listener != null) {
            listener.onEvent(event, subject, site);
        }
    }

}
