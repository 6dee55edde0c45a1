package io.devmsan.explore;

/**
 * A point where the story's thread can be stopped: reached inside an entry point of the driver
 * (a file operation or an asynchronous entry), numbered in the order the story reaches them.
 *
 * @param index 1 for the first checkpoint of the story
 * @param kind what happens there
 * @param what the resource accessed, or the fence, file or operation concerned
 * @param frame the driver's frame, like a stack trace line: the access's place, or the caller of
 *     the fence method or file operation
 * @param operation the innermost file operation or entry point the story was in, such as {@code open}
 */
public record Checkpoint(int index, Kind kind, String what, String frame, String operation) {

    /** What happens at a checkpoint. */
    public enum Kind {
        /** A file operation or entry point starts. */
        ENTRY,
        /** A file operation or entry point returned. */
        EXIT,
        /** An access to bind-scoped state. */
        ACCESS,
        /** Entry of a lock or synchronize that may block: the story stops before it waits. */
        BLOCKING_POINT,
        /** A read side was taken. */
        FENCE_ENTER,
        /** A read side was released. */
        FENCE_EXIT,
        /** A synchronize side completed. */
        FENCE_SYNCHRONIZE
    }

    /** One line: {@code #7 FENCE_EXIT mutex spi_lock at a.B.write(B.java:48) in write}. */
    @Override
    public String toString() {
        return "#" + index + " " + kind + " " + what + " at " + frame + (operation == null ? "" : " in " + operation);
    }
}
