package io.devmsan.runtime;

import java.util.List;

/**
 * One recorded violation: an immutable value, equal per fingerprint.
 *
 * <p>Stacks are lists of frames as {@link StackTraceElement#toString()} prints them, the agent's own
 * frames removed, innermost first.
 */
public interface Violation {

    /** Stable rule id, such as {@code use-after-unbind}. */
    String rule();

    /** What was accessed, such as {@code com.example.XyzContext#regs} or {@code ...XyzContext#reset()}. */
    String resource();

    /** {@code read}, {@code write} or {@code call}. */
    String accessKind();

    /** The device whose bind scope owned the resource. */
    String device();

    /** The thread that made the access. */
    String thread();

    /** Binary name of the class containing the access. */
    String accessClass();

    /** Name of the method containing the access. */
    String accessMethod();

    /** Source file of the access, or null when unknown. */
    String accessFile();

    /** Source line of the access, or -1 when unknown. */
    int accessLine();

    /** Where the access happened. */
    List<String> accessStack();

    /** Where the device was unbound (or the resource freed). */
    List<String> unbindStack();

    /** Where the resource was allocated or stored in probe; empty when provenance was off. */
    List<String> allocationStack();

    /** The file operation the access happened in, or null when it was not in one. */
    FileOperation fileOperation();

    /** The asynchronous entry point the access happened in (such as {@code irq}), or null. */
    String entryPoint();

    /** Stable across runs: rule, resource and access site, no line numbers. */
    String fingerprint();

    /** How many times it occurred (in the window it was asked for). */
    long count();

    /**
     * False when the runtime was configured to log this violation only
     * ({@link RuntimeConfig.OnViolation#LOG}): it is reported but should not fail a test or a build.
     */
    default boolean failing() {
        return true;
    }

    /** The last lifecycle events of the device, oldest first, as they were at the first occurrence. */
    default List<TimelineEvent> timeline() {
        return List.of();
    }

    /** The KASAN-style text block. */
    String toText();

    /** This violation as one JSON object (see docs/report-format.md). */
    String toJson();

    /** The file operation a violation happened in. */
    interface FileOperation {
        /** Such as {@code ioctl}. */
        String name();

        /** The file, as its {@code toString()} printed it. */
        String file();

        /** The character device the file was opened on, or null when unknown. */
        String cdev();

        /** True when the file was opened before its character device was unregistered. */
        boolean openedBeforeUnregister();

        /** True when this operation was already running when the unbind completed. */
        boolean inFlightAcrossUnbind();
    }

    /** One lifecycle event of a device. */
    interface TimelineEvent {
        /** Microseconds since the device's first event. */
        long tUs();

        /** The thread it happened on. */
        String thread();

        /** What happened, such as {@code probe}, {@code unregister} or {@code unbind-done}. */
        String event();

        /** More about it (such as the cdev's name), or null. */
        String detail();
    }
}
