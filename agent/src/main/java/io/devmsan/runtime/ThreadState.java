package io.devmsan.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the runtime tracks per thread: the probes running (innermost = the active bind
 * scope), the unbinds running, the operation stack, the fence read sides held, and the guard
 * that keeps reporting from recursing. Touched only by its own thread, except the operation
 * stack, which unbinding threads scan.
 */
final class ThreadState {

    /**
     * Holds the operation stack rather than the state: entering a file operation, the one
     * frequent user, gets its stack with no further load.
     */
    private static final ThreadLocal<OperationStack> CURRENT = ThreadLocal.withInitial(() -> create().operations);

    /** Every operation stack in the JVM, weakly, for the in-flight scan at unbind. */
    private static final List<WeakReference<OperationStack>> ALL_STACKS = new ArrayList<>();
    private static int compactAt = 64;

    private static final int MAX_HELD_FENCES = 64;
    private static final int MAX_REMOVAL_SYNCS = 16;

    final OperationStack operations;

    private Lifetime[] probes = new Lifetime[4];
    private int probeDepth;

    private DeviceRecord[] unbinds = new DeviceRecord[4];
    private int unbindDepth;

    // Strong while held, cleared at exit: a held lock is reachable from its holder anyway.
    private final Object[] heldFences = new Object[MAX_HELD_FENCES];
    private int heldCount;

    /**
     * For the fence analysis: fences this thread synchronized outside any unbind and entry point
     * since it last entered an entry point, newest kept: the start of a removal path (the device
     * lock taken around the unbind, a module's exit before its image is retired).
     */
    private final Object[] removalSyncs = new Object[MAX_REMOVAL_SYNCS];
    private int removalSyncCount;

    /** True while this thread builds a report: violations raised meanwhile are not reported. */
    boolean reporting;

    private ThreadState(Thread thread) {
        operations = new OperationStack(thread, this);
    }

    private static ThreadState create() {
        ThreadState state = new ThreadState(Thread.currentThread());
        synchronized (ALL_STACKS) {
            if (ALL_STACKS.size() >= compactAt) {
                ALL_STACKS.removeIf(ref -> ref.get() == null);
                compactAt = Math.max(64, ALL_STACKS.size() * 2);
            }
            ALL_STACKS.add(new WeakReference<>(state.operations));
        }
        return state;
    }

    static ThreadState current() {
        return CURRENT.get().state;
    }

    /** This thread's operation stack; see {@link #CURRENT}. */
    static OperationStack currentOperations() {
        return CURRENT.get();
    }

    /** For tests: forget this thread's state. */
    static void resetCurrent() {
        CURRENT.remove();
    }

    /** The operation stacks of all live threads that ever used the runtime. */
    static List<OperationStack> allOperationStacks() {
        List<OperationStack> stacks = new ArrayList<>();
        synchronized (ALL_STACKS) {
            for (WeakReference<OperationStack> ref : ALL_STACKS) {
                OperationStack stack = ref.get();
                if (stack != null) {
                    stacks.add(stack);
                }
            }
        }
        return stacks;
    }

    // ------------------------------------------------------------ probes

    /** Pushes a scope; returns true when this thread was not in a probe before. */
    boolean pushProbe(Lifetime scope) {
        if (probeDepth == probes.length) {
            probes = Arrays.copyOf(probes, probes.length * 2);
        }
        probes[probeDepth++] = scope;
        return probeDepth == 1;
    }

    /**
     * Pops the scope of {@code device} (normally the innermost); returns it, or null when this
     * thread is not probing that device.
     */
    Lifetime popProbe(DeviceRecord device) {
        for (int i = probeDepth - 1; i >= 0; i--) {
            Lifetime scope = probes[i];
            if (scope.device == device) {
                System.arraycopy(probes, i + 1, probes, i, probeDepth - i - 1);
                probes[--probeDepth] = null;
                return scope;
            }
        }
        return null;
    }

    /** The active bind scope: the innermost probe's, or null. */
    Lifetime activeScope() {
        return probeDepth == 0 ? null : probes[probeDepth - 1];
    }

    boolean inProbe() {
        return probeDepth > 0;
    }

    // ------------------------------------------------------------ unbinds

    void pushUnbind(DeviceRecord device) {
        if (unbindDepth == unbinds.length) {
            unbinds = Arrays.copyOf(unbinds, unbinds.length * 2);
        }
        unbinds[unbindDepth++] = device;
    }

    void popUnbind(DeviceRecord device) {
        for (int i = unbindDepth - 1; i >= 0; i--) {
            if (unbinds[i] == device) {
                System.arraycopy(unbinds, i + 1, unbinds, i, unbindDepth - i - 1);
                unbinds[--unbindDepth] = null;
                return;
            }
        }
    }

    /** True while an unbind runs on this thread. */
    boolean unbinding() {
        return unbindDepth > 0;
    }

    /** The devices whose unbind is running on this thread, innermost last. */
    List<DeviceRecord> unbinds() {
        return List.of(Arrays.copyOf(unbinds, unbindDepth));
    }

    // ------------------------------------------------------------ fences

    /** Records a held read side; beyond 64 nested read sides the rest go unrecorded. */
    void enterFence(Object fence) {
        if (heldCount < MAX_HELD_FENCES) {
            heldFences[heldCount++] = fence;
        }
    }

    /** Ends the most recent read side of {@code fence}; read sides may end out of order. */
    void exitFence(Object fence) {
        for (int i = heldCount - 1; i >= 0; i--) {
            if (heldFences[i] == fence) {
                System.arraycopy(heldFences, i + 1, heldFences, i, heldCount - i - 1);
                heldFences[--heldCount] = null;
                return;
            }
        }
    }

    /** Remembers a synchronize made outside unbinds and entry points; the oldest goes when full. */
    void noteRemovalSync(Object fence) {
        if (removalSyncCount == MAX_REMOVAL_SYNCS) {
            System.arraycopy(removalSyncs, 1, removalSyncs, 0, MAX_REMOVAL_SYNCS - 1);
            removalSyncCount--;
        }
        removalSyncs[removalSyncCount++] = fence;
    }

    /** The synchronizes {@link #noteRemovalSync} kept, oldest first. */
    List<Object> removalSyncs() {
        return List.of(Arrays.copyOf(removalSyncs, removalSyncCount));
    }

    /** Entering an entry point ends a removal path's prelude. */
    void forgetRemovalSyncs() {
        Arrays.fill(removalSyncs, 0, removalSyncCount, null);
        removalSyncCount = 0;
    }

    /** The read sides held, oldest first (a fence entered twice appears twice). */
    List<Object> heldFences() {
        return List.of(Arrays.copyOf(heldFences, heldCount));
    }
}
