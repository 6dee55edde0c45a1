package io.devmsan.agent;

import io.devmsan.runtime.DevmsanRuntime;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import net.bytebuddy.asm.Advice;

/**
 * The advice woven into the driver model's lifecycle and fence methods. Each body is one call into
 * {@link DevmsanRuntime}; Byte Buddy inlines it. Hooks never throw into the model
 * ({@code suppress}): the agent must not break the program it watches.
 *
 * <p>{@link Subject} and {@link Second} are bound per method to the receiver, a parameter or the
 * returned value, as the method's annotation says; {@link SiteId} to the method's site index.
 */
final class LifecycleAdvice {

    private LifecycleAdvice() {
    }

    /** The first object the lifecycle annotation names (device, cdev, file, freed object, fence). */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Subject {
    }

    /** The second object it names (the device of a cdev, the file opened on a cdev). */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Second {
    }

    /** The site index registered for the method. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface SiteId {
    }

    /** Applies to {@code @Lifecycle.Probe} methods. */
    static final class Probe {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Subject Object device, @SiteId int site) {
            DevmsanRuntime.probeEnter(device, site);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Subject Object device, @Advice.Thrown Throwable thrown, @SiteId int site) {
            DevmsanRuntime.probeExit(device, thrown, site);
        }
    }

    /** Applies to {@code @Lifecycle.Unbind} methods. */
    static final class Unbind {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Subject Object device, @SiteId int site) {
            DevmsanRuntime.unbindEnter(device, site);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Subject Object device, @Advice.Thrown Throwable thrown, @SiteId int site) {
            DevmsanRuntime.unbindExit(device, thrown, site);
        }
    }

    /** Applies to {@code @Lifecycle.DevresAdopt} methods: subject is the device, second the object. */
    static final class DevresAdopt {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object device, @Second Object object, @SiteId int site) {
            DevmsanRuntime.adopt(device, object, site);
        }
    }

    /** Applies to {@code @Lifecycle.Frees} methods. */
    static final class Frees {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object object, @SiteId int site) {
            DevmsanRuntime.free(object, site);
        }
    }

    /** Applies to {@code @Lifecycle.CdevAdd} methods: subject is the cdev, second the device. */
    static final class CdevAdd {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object cdev, @Second Object device, @SiteId int site) {
            DevmsanRuntime.cdevAdd(cdev, device, site);
        }
    }

    /** Applies to {@code @Lifecycle.CdevDel} methods. */
    static final class CdevDel {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Subject Object cdev, @SiteId int site) {
            DevmsanRuntime.cdevDel(cdev, site);
        }
    }

    /** Applies to {@code @Lifecycle.FileOpen} methods: subject is the cdev, second the file. */
    static final class FileOpen {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object cdev, @Second Object file, @SiteId int site) {
            DevmsanRuntime.fileOpened(cdev, file, site);
        }
    }

    /** Applies to {@code @Lifecycle.FileOperation} methods. */
    static final class FileOperation {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Subject Object file, @SiteId int site) {
            return DevmsanRuntime.operationEnter(file, site);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object operations, @SiteId int site) {
            DevmsanRuntime.operationExit(operations, site);
        }
    }

    /** Applies to {@code @Lifecycle.EntryPoint} methods. */
    static final class EntryPoint {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Subject Object device, @SiteId int site) {
            return DevmsanRuntime.entryEnter(device, site);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object operations, @SiteId int site) {
            DevmsanRuntime.entryExit(operations, site);
        }
    }

    /** Applies to {@code @Fence.Enter} methods that always hold the read side on return. */
    static final class FenceEnter {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceAttempt(fence, site);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceEnter(fence, site);
        }
    }

    /** Applies to {@code @Fence.Enter(held = WHEN_TRUE)} methods, which return a boolean. */
    static final class FenceEnterWhenTrue {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceAttempt(fence, site);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object fence, @Advice.Return boolean held, @SiteId int site) {
            if (held) {
                DevmsanRuntime.fenceEnter(fence, site);
            }
        }
    }

    /** Applies to {@code @Fence.Exit} methods. */
    static final class FenceExit {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceExit(fence, site);
        }
    }

    /** Applies to {@code @Fence.Synchronize} methods: the entry may block, the exit has waited. */
    static final class FenceSynchronize {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceAttempt(fence, site);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceSynchronize(fence, site);
        }
    }

    /**
     * Applies to {@code @Fence.Synchronize} methods that are also {@code @Fence.Enter} (a mutex's
     * lock): the enter advice already reports the attempt.
     */
    static final class FenceSynchronizeOnly {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Subject Object fence, @SiteId int site) {
            DevmsanRuntime.fenceSynchronize(fence, site);
        }
    }
}
