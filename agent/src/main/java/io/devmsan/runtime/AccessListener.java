package io.devmsan.runtime;

/**
 * A hook for the explorer and the fence analysis: while {@link DevmsanRuntime#armed} is set,
 * every checked access to owned state, live or dead, is passed to the listener installed with
 * {@link Core#arm(AccessListener)} before the runtime looks at liveness. Runs on the accessing
 * thread, inside driver code: it must be quick and must not block.
 */
@FunctionalInterface
interface AccessListener {

    /** {@code owner} is the token checked, {@code site} the access's index in {@link Sites}. */
    void onAccess(Lifetime owner, int site);

    /**
     * A lifecycle or fence point of the model while armed: {@code subject} is what the hook names
     * (the fence, the file, the device, the cdev, the freed object), {@code site} the method's
     * index in {@link Sites}. Called after the runtime's own bookkeeping, outside its locks.
     */
    default void onEvent(ExplorerHooks.Event event, Object subject, int site) {
    }
}
