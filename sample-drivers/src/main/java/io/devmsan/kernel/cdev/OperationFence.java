package io.devmsan.kernel.cdev;

/**
 * What fences a character device's file operations against its driver going away: every operation
 * (open included) runs between a successful {@link #enter()} and {@link #exit()}, and shutting the
 * fence refuses later entries and waits for the operations inside. A plain character device has
 * none: that is the kernel's {@code cdev}, whose open files keep reaching the driver.
 */
interface OperationFence {

    /**
     * Enters the fence on the calling thread.
     *
     * @return 0 when the operation may run, or the negative errno it returns once the fence is shut
     */
    int enter();

    /** Leaves the fence entered by the last successful {@link #enter()} of this thread. */
    void exit();

    /** The driver's open of {@code file} succeeded; called inside the fence. */
    void opened(File file);

    /** The last reference to {@code file} is gone: runs the driver's release as the fence allows. */
    void release(File file);
}
