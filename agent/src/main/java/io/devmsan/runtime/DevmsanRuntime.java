package io.devmsan.runtime;

import java.lang.reflect.Field;

/**
 * The only class that rewritten code calls. Every method is static and takes JDK types, or the
 * opaque owner token {@link Lifetime} from this same jar, so that any class loader that can see
 * the agent can link against it.
 *
 * <p>The first four methods are the hot path, inserted at every checked access. The two checks
 * test one static flag, {@link #checking}, and only while it is set (a dead token may be
 * reachable) a null test and one plain read of {@link Lifetime#dead}: small enough for C2 to
 * inline, with no allocation, map look-up or stack capture unless something is wrong (or the
 * explorer is armed).
 * Everything else runs at lifecycle points of the driver model and may be slower, and never throws
 * into the program: a hook that fails is skipped and said once ({@link LifecyclePoints#hookFailed}),
 * so the woven code needs no exception handler of its own around each call.
 *
 * <p>{@code site} is an index into {@link Sites}, assigned when the access was rewritten.
 */
public final class DevmsanRuntime {

    /**
     * Set while the explorer or fence analysis wants to see every access to live owned state,
     * not only the dead ones. A plain static: C2 reads it once per compiled loop at worst.
     */
    static boolean armed;

    /**
     * Set while a check can fail: some dead owner token may still be reachable, or the runtime is
     * armed (see {@link DeadTokens}). Clear, which is the state of every correct driver's run until
     * its first unbind and again once the GC has collected what the unbind freed, each check is
     * this one test, which C2 performs once per stretch of code without a call. A plain static like
     * {@link #armed}: whoever synchronises with an unbind sees it set; a racing reader may see it
     * late, which is the race itself.
     */
    static boolean checking;

    /**
     * Set while entering or leaving an operation has more to do than push and pop: the explorer
     * or fence analysis is armed, or provenance is full. A plain static for the same reason.
     * Tested after {@code operations != null}: an untracked operation's null folds that test
     * away at compile time, and this load with it (tested first, it stayed in every operation).
     */
    static boolean operationsWatched;

    private DevmsanRuntime() {
    }

    // ---------------------------------------------------------------- hot path

    /**
     * Before a field access on, or at the entry of an instance method of, a {@code @ScopeOwned}
     * object; {@code owner} is the object's owner token (null when it is not owned).
     */
    public static void checkOwned(Lifetime owner, int site) {
        if (checking && owner != null && (owner.dead | armed)) {
            Core.ownedAccess(owner, site);
        }
    }

    /**
     * After a read of a {@code @DevmScoped} field: {@code value} is what was read and
     * {@code owner} the token stored beside it when it was written. A null value has a null token
     * when it was stored through checked code, so only the slow path tests it: one branch less
     * in every rewritten method, whose compiled size decides whether C2 inlines it.
     */
    public static void checkScopedRead(Object value, Lifetime owner, int site) {
        if (checking && owner != null && (owner.dead | armed)) {
            Core.scopedRead(value, owner, site);
        }
    }

    /**
     * Before a write of {@code value} into a {@code @DevmScoped} field: returns the owner token
     * to store beside it, the bind scope active on this thread, or null when there is none.
     */
    public static Lifetime ownerForStore(Object value, int site) {
        if (value == null || Core.activeProbes == 0) {
            return null;
        }
        return Core.ownerForStore(value, site);
    }

    /**
     * At the end of a constructor of a {@code @ScopeOwned(ALLOCATED_IN_SCOPE)} type: the owner
     * token of the new object, or null when no bind scope is active on this thread.
     */
    public static Lifetime ownerForNew(Object object, int site) {
        if (Core.activeProbes == 0) {
            return null;
        }
        return Core.ownerForNew(object, site);
    }

    // ---------------------------------------------------------------- lifecycle points

    /** Entry of a {@code @Lifecycle.Probe} method. */
    public static void probeEnter(Object device, int site) {
        try {
            LifecyclePoints.probeEnter(device, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.Probe} method; {@code thrown} is null on a normal return. */
    public static void probeExit(Object device, Throwable thrown, int site) {
        try {
            LifecyclePoints.probeExit(device, thrown, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Entry of a {@code @Lifecycle.Unbind} method. */
    public static void unbindEnter(Object device, int site) {
        try {
            LifecyclePoints.unbindEnter(device, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.Unbind} method, normal or not: the scope is released. */
    public static void unbindExit(Object device, Throwable thrown, int site) {
        try {
            LifecyclePoints.unbindExit(device, thrown, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.DevresAdopt} method. */
    public static void adopt(Object device, Object object, int site) {
        try {
            LifecyclePoints.adopt(device, object, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.Frees} method. */
    public static void free(Object object, int site) {
        try {
            LifecyclePoints.free(object, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.CdevAdd} method. */
    public static void cdevAdd(Object cdev, Object device, int site) {
        try {
            LifecyclePoints.cdevAdd(cdev, device, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.CdevDel} method. */
    public static void cdevDel(Object cdev, int site) {
        try {
            LifecyclePoints.cdevDel(cdev, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Lifecycle.FileOpen} method; {@code file} is null when the open failed. */
    public static void fileOpened(Object cdev, Object file, int site) {
        try {
            LifecyclePoints.fileOpened(cdev, file, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /**
     * Entry of a {@code @Lifecycle.FileOperation} method. Returns this thread's operation stack,
     * which the woven exit hook hands back, so that leaving costs no second thread-local look-up, or
     * null when the operation is not tracked. Frequent: on the solo thread (see
     * {@link OperationTracking}) one compare with a constant, then nothing before tracking begins
     * and a push after; on other threads a thread-local get and a push; anything else is out of
     * line.
     */
    public static Object operationEnter(Object file, int site) {
        return enter(OperationStack.FILE_OPERATION, file, site);
    }

    /** Exit of a {@code @Lifecycle.FileOperation} method, normal or not, with what entry returned. */
    public static void operationExit(Object operations, int site) {
        exit(OperationStack.FILE_OPERATION, operations, site);
    }

    /** Entry of a {@code @Lifecycle.EntryPoint} method; returns this thread's operation stack or null, as above. */
    public static Object entryEnter(Object device, int site) {
        return enter(OperationStack.ENTRY_POINT, device, site);
    }

    /** Exit of a {@code @Lifecycle.EntryPoint} method, normal or not, with what entry returned. */
    public static void entryExit(Object operations, int site) {
        exit(OperationStack.ENTRY_POINT, operations, site);
    }

    /** Entering an operation of {@code type}; inlined with the type a constant. */
    private static Object enter(byte type, Object subject, int site) {
        try {
            OperationStack operations = OperationStack.enter(type, subject, site);
            if (operations != null && operationsWatched) {
                LifecyclePoints.entered(type, operations, subject, site);
            }
            return operations;
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
            return null;
        }
    }

    private static void exit(byte type, Object operations, int site) {
        try {
            OperationStack.leave(operations);
            if (operations != null && operationsWatched) {
                LifecyclePoints.exited(type, site);
            }
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    // ---------------------------------------------------------------- fences

    /**
     * Entry of a {@code @Fence.Enter} or {@code @Fence.Synchronize} method: the thread may block
     * here. Only the explorer cares (a blocking point is a checkpoint, and a thread stuck in one is
     * blocked by a fence), so nothing runs unless it is armed.
     */
    public static void fenceAttempt(Object fence, int site) {
        if (armed) {
            try {
                LifecyclePoints.fenceAttempt(fence, site);
            } catch (Throwable failed) {
                LifecyclePoints.hookFailed(failed, site);
            }
        }
    }

    /** Exit of a {@code @Fence.Enter} method whose read side is now held. */
    public static void fenceEnter(Object fence, int site) {
        try {
            LifecyclePoints.fenceEnter(fence, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Fence.Enter(held = WHEN_TRUE)} method, which returned {@code held}. */
    public static void fenceEnterIfHeld(boolean held, Object fence, int site) {
        if (held) {
            fenceEnter(fence, site);
        }
    }

    /** Exit of a {@code @Fence.Exit} method. */
    public static void fenceExit(Object fence, int site) {
        try {
            LifecyclePoints.fenceExit(fence, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    /** Exit of a {@code @Fence.Synchronize} method: every read side has ended. */
    public static void fenceSynchronize(Object fence, int site) {
        try {
            LifecyclePoints.fenceSynchronize(fence, site);
        } catch (Throwable failed) {
            LifecyclePoints.hookFailed(failed, site);
        }
    }

    // ---------------------------------------------------------------- reflection (cold)

    /**
     * Before the program's own {@code field.get*(target)}: checks it like the direct read. The
     * program's call runs next, unchanged.
     */
    public static void reflectiveRead(Field field, Object target, int site) {
        ReflectiveAccess.read(field, target, site);
    }

    /**
     * Before the program's own {@code field.set(target, value)}: checks it like the direct write
     * and stores the value's owner token. Returns {@code field}, which the rewritten call site
     * puts back under its arguments.
     */
    public static Field reflectiveWrite(Field field, Object target, Object value, int site) {
        ReflectiveAccess.write(field, target, value, site);
        return field;
    }

    /** Before the program's own {@code field.setInt(target, v)} or another primitive setter. */
    public static void reflectiveWritePrimitive(Field field, Object target, int site) {
        ReflectiveAccess.writePrimitive(field, target, site);
    }

    /**
     * Before {@code lookup.findGetter/findSetter/findVarHandle(refc, name, type)}: warns once when
     * the handle is for an annotated field, whose accesses through it are not checked. Returns
     * {@code refc}, which the rewritten call site puts back under its other arguments.
     */
    public static Class<?> fieldHandleByName(Class<?> refc, String name, Class<?> type, int site) {
        ReflectiveAccess.handleByName(refc, name, site);
        return refc;
    }

    /** Before {@code lookup.unreflectGetter/unreflectSetter/unreflectVarHandle(field)}: as above. */
    public static void fieldHandleByField(Field field, int site) {
        ReflectiveAccess.handleByField(field, site);
    }
}
