package io.devmsan.agent;

import io.devmsan.annotations.Lifecycle;

/**
 * One hook as woven into one method: the runtime calls, the positions of its objects, its site,
 * and the locals {@link LifecycleMethodWeaver} gave it.
 */
final class WovenHook {

    final LifecycleHook hook;
    final int subject;
    /** The position of the second object, or null when the hook takes none. */
    final Integer second;
    /** The runtime method called at entry, or null. */
    final String enter;
    final LifecycleHook.Exit exit;
    final String exitMethod;
    final int site;

    /** Locals set at entry; -1 when the hook needs none. */
    int subjectLocal = -1;
    int secondLocal = -1;
    int enteredLocal = -1;

    private WovenHook(LifecycleHook hook, int subject, Integer second, String enter, LifecycleHook.Exit exit,
            String exitMethod, int site) {
        this.hook = hook;
        this.subject = subject;
        this.second = second;
        this.enter = enter;
        this.exit = exit;
        this.exitMethod = exitMethod;
        this.site = site;
    }

    /**
     * The hook {@code annotation} asks of {@code method}; throws IllegalArgumentException, saying
     * why, when the annotation names nothing there. {@code fenceEnter}: the method is also
     * {@code @Fence.Enter}, whose entry hook already reports the blocking attempt.
     */
    static WovenHook of(LifecycleAnnotation annotation, boolean fenceEnter, LifecycleMethodWeaver method) {
        LifecycleHook hook = annotation.hook;
        int subject = annotation.position(hook.subject);
        method.checkPosition(subject, hook.subjectAtEntry);
        Integer second = null;
        if (hook.second != null) {
            second = annotation.position(hook.second);
            method.checkPosition(second, false);
        }
        String enter = hook.enter;
        LifecycleHook.Exit exit = hook.exit;
        String exitMethod = hook.exitMethod;
        if (hook == LifecycleHook.FENCE_ENTER && "WHEN_TRUE".equals(annotation.constant("held"))) {
            if (!method.returnsBoolean()) {
                throw new IllegalArgumentException("held = WHEN_TRUE needs a method returning boolean");
            }
            exit = LifecycleHook.Exit.HELD_SUBJECT;
            exitMethod = "fenceEnterIfHeld";
        }
        if (hook == LifecycleHook.FENCE_SYNCHRONIZE && fenceEnter) {
            enter = null; // one attempt per call: the @Fence.Enter hook reports it
        }
        String resource = hook.simpleName();
        if (hook == LifecycleHook.FILE_OPERATION || hook == LifecycleHook.ENTRY_POINT) {
            String name = annotation.text("value");
            resource = name.isEmpty() ? method.methodName() : name;
        }
        return new WovenHook(hook, subject, second, enter, exit, exitMethod, method.register(hook, resource));
    }

    /** Whether an exit call takes the subject (then entry keeps a copy of it). */
    boolean exitNeedsSubject() {
        return exit != LifecycleHook.Exit.ENTERED;
    }

    /** Whether the returned value is one of the objects the exit takes. */
    boolean usesReturned() {
        return subject == Lifecycle.RETURNED || second != null && second == Lifecycle.RETURNED;
    }
}
