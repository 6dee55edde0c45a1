package io.devmsan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The lifecycle points of a driver model, marked on the model's own methods so that the agent
 * needs to know nothing about the model's classes.
 *
 * <p>Each annotation names the objects it is about by position: {@code 0} is the first parameter,
 * {@link #THIS} the receiver, {@link #RETURNED} the value the method returns.
 */
public final class Lifecycle {

    /** The receiver of the annotated instance method. */
    public static final int THIS = -1;

    /** The value the annotated method returns. */
    public static final int RETURNED = -2;

    private Lifecycle() {
    }

    /**
     * The method binds a driver to {@code device} (calls the driver's probe). A new bind scope
     * opens at entry and is active on this thread until the method ends; it stays open after a
     * normal return and is released when the method throws (a failed probe unwinds devres).
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Probe {
        /** Position of the device. */
        int device() default 0;
    }

    /**
     * The method unbinds the driver from {@code device}: calls remove and unwinds devres. The
     * device's bind scope is released when the method ends, normally or not.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Unbind {
        /** Position of the device. */
        int device() default 0;
    }

    /**
     * The method hands an object to devres on behalf of {@code device}: the object becomes owned
     * by the device's open bind scope (see {@link ScopeOwned}).
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface DevresAdopt {
        /** Position of the device. */
        int device() default 0;

        /** Position of the adopted object. */
        int object() default RETURNED;
    }

    /**
     * The method frees an object (like {@code kfree()}); it is dead once the method returns.
     * Objects of types that are not {@link ScopeOwned} are not tracked and are ignored.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Frees {
        /** Position of the freed object. */
        int value() default 0;
    }

    /** The method registers a character device for {@code device} ({@code cdev_device_add()}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface CdevAdd {
        /** Position of the character device. */
        int cdev() default THIS;

        /** Position of the device whose driver serves it. */
        int device() default 0;
    }

    /**
     * The method unregisters a character device ({@code cdev_del()}): no new opens, but files
     * already open keep reaching the driver.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface CdevDel {
        /** Position of the character device. */
        int cdev() default THIS;
    }

    /** The method opens a file on a character device and returns it when the open succeeds. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface FileOpen {
        /** Position of the character device. */
        int cdev() default THIS;

        /** Position of the opened file. */
        int file() default RETURNED;
    }

    /**
     * The method runs a file operation (read, write, ioctl, poll, release...) of {@code file}:
     * accesses during it are reported with the operation, the file and whether the file was
     * opened before its character device was unregistered.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface FileOperation {
        /** The operation's name, such as {@code "ioctl"}; empty means the method's name. */
        String value() default "";

        /** Position of the file. */
        int file() default THIS;
    }

    /**
     * The method is an asynchronous entry into driver code for {@code device}: an interrupt
     * handler, a timer or a work callback, or a call from another subsystem (a DMA consumer).
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface EntryPoint {
        /** What kind of entry this is, such as {@code "irq"}; empty means the method's name. */
        String value() default "";

        /** Position of the device. */
        int device() default 0;
    }
}
