package io.devmsan.agent;

import java.lang.reflect.Method;

/**
 * Each lifecycle and fence annotation: which of its properties name the objects its hooks get,
 * and the {@code DevmsanRuntime} calls {@link LifecycleMethodWeaver} inserts at the method's entry
 * and exits. Read by {@link LifecycleWeaver}, which collects the annotations of each method.
 */
enum LifecycleHook {

    PROBE("Lifecycle$Probe", "device", null, true, "probeEnter", Exit.SUBJECT_THROWN, "probeExit"),
    UNBIND("Lifecycle$Unbind", "device", null, true, "unbindEnter", Exit.SUBJECT_THROWN, "unbindExit"),
    DEVRES_ADOPT("Lifecycle$DevresAdopt", "device", "object", false, null, Exit.SUBJECT_SECOND, "adopt"),
    FREES("Lifecycle$Frees", "value", null, false, null, Exit.SUBJECT, "free"),
    CDEV_ADD("Lifecycle$CdevAdd", "cdev", "device", false, null, Exit.SUBJECT_SECOND, "cdevAdd"),
    CDEV_DEL("Lifecycle$CdevDel", "cdev", null, false, null, Exit.SUBJECT_ALWAYS, "cdevDel"),
    FILE_OPEN("Lifecycle$FileOpen", "cdev", "file", false, null, Exit.SUBJECT_SECOND, "fileOpened"),
    FILE_OPERATION("Lifecycle$FileOperation", "file", null, true, "operationEnter", Exit.ENTERED, "operationExit"),
    ENTRY_POINT("Lifecycle$EntryPoint", "device", null, true, "entryEnter", Exit.ENTERED, "entryExit"),
    // Enter and Synchronize report a blocking attempt at entry, so their fence is needed there.
    FENCE_ENTER("Fence$Enter", "fence", null, true, "fenceAttempt", Exit.SUBJECT, "fenceEnter"),
    FENCE_EXIT("Fence$Exit", "fence", null, false, null, Exit.SUBJECT_ALWAYS, "fenceExit"),
    FENCE_SYNCHRONIZE("Fence$Synchronize", "fence", null, true, "fenceAttempt", Exit.SUBJECT, "fenceSynchronize");

    /** What an exit hook is given, and whether it also runs when the method throws. */
    enum Exit {
        /** {@code (Object subject, int site)}, on a normal return. */
        SUBJECT("(Ljava/lang/Object;I)V", false),
        /** {@code (Object subject, int site)}, on every exit. */
        SUBJECT_ALWAYS("(Ljava/lang/Object;I)V", true),
        /** {@code (Object subject, Object second, int site)}, on a normal return. */
        SUBJECT_SECOND("(Ljava/lang/Object;Ljava/lang/Object;I)V", false),
        /** {@code (Object subject, Throwable thrown, int site)} on every exit, thrown null on a return. */
        SUBJECT_THROWN("(Ljava/lang/Object;Ljava/lang/Throwable;I)V", true),
        /** {@code (Object whatTheEntryHookReturned, int site)}, on every exit. */
        ENTERED("(Ljava/lang/Object;I)V", true),
        /** {@code (boolean returned, Object subject, int site)}, on a normal return: {@code @Fence.Enter(held = WHEN_TRUE)}. */
        HELD_SUBJECT("(ZLjava/lang/Object;I)V", false);

        final String descriptor;
        final boolean onThrowable;

        Exit(String descriptor, boolean onThrowable) {
            this.descriptor = descriptor;
            this.onThrowable = onThrowable;
        }
    }

    static final String PACKAGE = "io.devmsan.annotations.";

    /** The annotation's descriptor, as class files name it. */
    final String descriptor;
    final String annotation;
    /** The property that names the subject; {@link #second} the one naming the second object, or null. */
    final String subject;
    final String second;
    /** Whether the entry hook needs the subject (then it cannot be the returned value). */
    final boolean subjectAtEntry;
    /** The runtime method called at entry with {@code (Object subject, int site)}, or null. */
    final String enter;
    final Exit exit;
    final String exitMethod;

    LifecycleHook(String annotation, String subject, String second, boolean subjectAtEntry, String enter, Exit exit,
            String exitMethod) {
        this.annotation = PACKAGE + annotation;
        this.descriptor = "L" + this.annotation.replace('.', '/') + ";";
        this.subject = subject;
        this.second = second;
        this.subjectAtEntry = subjectAtEntry;
        this.enter = enter;
        this.exit = exit;
        this.exitMethod = exitMethod;
    }

    /** The hook of the annotation with {@code descriptor}, or null when it is none of them. */
    static LifecycleHook of(String descriptor) {
        for (LifecycleHook hook : values()) {
            if (hook.descriptor.equals(descriptor)) {
                return hook;
            }
        }
        return null;
    }

    /** Whether the entry hook returns what the exit hook gets ({@link Exit#ENTERED}). */
    boolean enterReturns() {
        return exit == Exit.ENTERED;
    }

    String simpleName() {
        return annotation.substring(PACKAGE.length()).replace('$', '.');
    }

    /**
     * The default of {@code property}, from the annotation type itself, which this jar carries: a
     * class file holds only the values written out.
     */
    Object defaultValue(String property) {
        try {
            Method method = Class.forName(annotation, false, LifecycleHook.class.getClassLoader()).getMethod(property);
            return method.getDefaultValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the annotation " + annotation + " has no property " + property, e);
        }
    }
}
