package io.devmsan.runtime;

import io.devmsan.runtime.RuntimeConfig.Provenance;

/**
 * Fence bookkeeping for a later analysis: which read sides each thread holds, and which fences
 * each unbind synchronized with. Fences are named by identity only (never {@code toString()}):
 * entering one is as frequent as taking a lock.
 */
final class Fences {

    private Fences() {
    }

    static void enter(Object fence, int site) {
        if (fence == null) {
            return;
        }
        ThreadState state = ThreadState.current();
        state.enterFence(fence);
        if (Core.config().provenance() == Provenance.FULL) {
            event(state, "fence-enter", fence);
        }
    }

    static void exit(Object fence, int site) {
        if (fence == null) {
            return;
        }
        ThreadState state = ThreadState.current();
        state.exitFence(fence);
        if (Core.config().provenance() == Provenance.FULL) {
            event(state, "fence-exit", fence);
        }
    }

    static void synchronize(Object fence, int site) {
        if (fence == null) {
            return;
        }
        ThreadState state = ThreadState.current();
        if (FenceAnalyzer.on && !state.unbinding() && state.operations.innermost(OperationStack.FILE_OPERATION) < 0
                && state.operations.innermost(OperationStack.ENTRY_POINT) < 0) {
            // Perhaps the start of a removal path, before its @Lifecycle.Unbind method runs.
            state.noteRemovalSync(fence);
        }
        for (DeviceRecord device : state.unbinds()) {
            device.synchronizedFences.put(fence, Boolean.TRUE);
            if (FenceAnalyzer.on) {
                FenceAnalyzer.synchronizedBy(device, fence);
            }
            if (Core.config().provenance() == Provenance.FULL) {
                device.timeline.add("fence-synchronize", Names.identity(fence));
            }
        }
        if (Core.config().provenance() == Provenance.FULL && state.unbinds().isEmpty()) {
            event(state, "fence-synchronize", fence);
        }
    }

    /** A timeline event on the device of the innermost operation or entry point of this thread. */
    private static void event(ThreadState state, String kind, Object fence) {
        DeviceRecord device = currentDevice(state);
        if (device != null) {
            device.timeline.add(kind, Names.identity(fence));
        }
    }

    private static DeviceRecord currentDevice(ThreadState state) {
        OperationStack ops = state.operations;
        Registry registry = Core.registry();
        int op = ops.innermost(OperationStack.FILE_OPERATION);
        int entry = ops.innermost(OperationStack.ENTRY_POINT);
        if (op > entry) {
            return registry.deviceOfFile(ops.subject(op));
        }
        if (entry >= 0) {
            return registry.devices.get(ops.subject(entry));
        }
        return null;
    }
}
