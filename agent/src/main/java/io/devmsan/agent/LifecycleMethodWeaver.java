package io.devmsan.agent;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.runtime.Sites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Weaves the hooks of one method's lifecycle and fence annotations (docs/how-it-works.md shows
 * the result as Java):
 * <ul>
 * <li>at entry, each hook's entry call, and a copy of each object an exit hook needs, in locals
 * of their own, so that the method may reassign its parameters;
 * <li>before each return, the exit calls, in the reverse order;
 * <li>when some exit also runs on a throw, a handler around the whole body that calls those exits
 * with the throwable and rethrows it.
 * </ul>
 * The calls themselves never throw ({@code DevmsanRuntime} catches what its hooks throw), so no
 * call needs a handler of its own. Locals are added through {@link AdviceAdapter}'s
 * {@code LocalVariablesSorter}, which keeps the method's own locals and frames consistent, and all
 * are set at entry, so the one frame this adds, the handler's, holds at every instruction it
 * covers.
 */
final class LifecycleMethodWeaver extends AdviceAdapter {

    private static final String RUNTIME = "io/devmsan/runtime/DevmsanRuntime";
    private static final Type OBJECT = Type.getType(Object.class);
    private static final Type THROWABLE = Type.getType(Throwable.class);

    private final String className;
    private final String methodName;
    private final boolean framed;
    private final AgentLog log;
    private final Runnable onWoven;
    private final List<LifecycleAnnotation> annotations = new ArrayList<>();
    private List<WovenHook> hooks = List.of();

    /** Each local is -1 until entry code allocated it. */
    private int returned = -1;
    private int held = -1;
    private int thrown = -1;
    private Label bodyStart;

    LifecycleMethodWeaver(MethodVisitor next, int access, String name, String descriptor, String className,
            boolean framed, AgentLog log, Runnable onWoven) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.className = className;
        this.methodName = name;
        this.framed = framed;
        this.log = log;
        this.onWoven = onWoven;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        AnnotationVisitor next = super.visitAnnotation(descriptor, visible);
        LifecycleHook hook = LifecycleHook.of(descriptor);
        if (hook == null) {
            return next;
        }
        LifecycleAnnotation annotation = new LifecycleAnnotation(hook, next);
        annotations.add(annotation);
        return annotation;
    }

    @Override
    public void visitCode() {
        // Before AdviceAdapter's own visitCode, which calls onMethodEnter here: a constructor's
        // entry would only come after super(), too late for a probe.
        if (!annotations.isEmpty() && "<init>".equals(methodName)) {
            for (LifecycleAnnotation annotation : annotations) {
                warn(annotation.hook, "only methods can be lifecycle points, not constructors");
            }
            annotations.clear();
        }
        super.visitCode();
    }

    @Override
    protected void onMethodEnter() {
        hooks = plan();
        if (hooks.isEmpty()) {
            return;
        }
        onWoven.run();
        if (hooks.stream().anyMatch(WovenHook::usesReturned)) {
            returned = nullLocal(OBJECT);
        }
        if (hooks.stream().anyMatch(hook -> hook.exit == LifecycleHook.Exit.HELD_SUBJECT)) {
            held = newLocal(Type.BOOLEAN_TYPE);
            push(false);
            storeLocal(held);
        }
        if (hooks.stream().anyMatch(hook -> hook.exit.onThrowable)) {
            thrown = nullLocal(THROWABLE);
        }
        for (WovenHook hook : hooks) {
            hook.subjectLocal = hook.exitNeedsSubject() ? copy(hook.subject) : -1;
            hook.secondLocal = hook.second != null ? copy(hook.second) : -1;
            if (hook.enter != null) {
                loadObject(hook.subject, hook.subjectLocal, false);
                push(hook.site);
                callRuntime(hook.enter, hook.hook.enterReturns() ? "(Ljava/lang/Object;I)Ljava/lang/Object;"
                        : "(Ljava/lang/Object;I)V");
                if (hook.hook.enterReturns()) {
                    hook.enteredLocal = newLocal(OBJECT);
                    storeLocal(hook.enteredLocal);
                }
            }
        }
        if (thrown >= 0) {
            bodyStart = new Label();
            visitLabel(bodyStart);
        }
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (hooks.isEmpty() || opcode == ATHROW) { // a throw is seen by the handler, if anything runs
            return;
        }
        Type returnType = Type.getReturnType(methodDesc);
        if (returned >= 0 && opcode != RETURN) {
            // stack: ..., value
            dup(returnType);
            box(returnType);
            storeLocal(returned);
        }
        if (held >= 0) {
            dup(); // stack: ..., held, held (an IRETURN of a boolean)
            storeLocal(held);
        }
        for (int i = hooks.size() - 1; i >= 0; i--) {
            exit(hooks.get(i), false);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (thrown >= 0) {
            Label handler = new Label();
            // Last in the exception table: the method's own handlers still come first.
            visitTryCatchBlock(bodyStart, handler, handler, THROWABLE.getInternalName());
            visitLabel(handler);
            if (framed) {
                // The entry frame with the parameters' slots unused: LocalVariablesSorter appends
                // the locals set at entry. Stack: throwable.
                Object[] parameters = new Object[firstLocal];
                Arrays.fill(parameters, Opcodes.TOP);
                visitFrame(Opcodes.F_NEW, parameters.length, parameters, 1, new Object[] {THROWABLE.getInternalName()});
            }
            storeLocal(thrown);
            for (int i = hooks.size() - 1; i >= 0; i--) {
                if (hooks.get(i).exit.onThrowable) {
                    exit(hooks.get(i), true);
                }
            }
            loadLocal(thrown);
            throwException();
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    /** One exit call; {@code throwing}: from the handler, where the throwable is in its local and nothing was returned. */
    private void exit(WovenHook hook, boolean throwing) {
        switch (hook.exit) {
            case ENTERED:
                loadLocal(hook.enteredLocal);
                break;
            case HELD_SUBJECT:
                loadLocal(held);
                loadObject(hook.subject, hook.subjectLocal, throwing);
                break;
            case SUBJECT_THROWN:
                loadObject(hook.subject, hook.subjectLocal, throwing);
                if (throwing) {
                    loadLocal(thrown);
                } else {
                    visitInsn(ACONST_NULL);
                }
                break;
            case SUBJECT_SECOND:
                loadObject(hook.subject, hook.subjectLocal, throwing);
                loadObject(hook.second, hook.secondLocal, throwing);
                break;
            default: // SUBJECT, SUBJECT_ALWAYS
                loadObject(hook.subject, hook.subjectLocal, throwing);
                break;
        }
        push(hook.site);
        callRuntime(hook.exitMethod, hook.exit.descriptor);
    }

    /** Pushes the object at {@code position}: from its copy, the returned value's local, or (at entry) the slot. */
    private void loadObject(int position, int copy, boolean throwing) {
        if (position == Lifecycle.RETURNED) {
            if (throwing) {
                visitInsn(ACONST_NULL);
            } else {
                loadLocal(returned);
            }
        } else if (copy >= 0) {
            loadLocal(copy);
        } else {
            loadPosition(position);
        }
    }

    private void loadPosition(int position) {
        if (position == Lifecycle.THIS) {
            loadThis();
        } else {
            Type type = getArgumentTypes()[position];
            loadArg(position);
            box(type);
        }
    }

    /** A new local holding the object at {@code position} as it was at entry, or -1 for the returned value. */
    private int copy(int position) {
        if (position == Lifecycle.RETURNED) {
            return -1;
        }
        int local = newLocal(OBJECT);
        loadPosition(position);
        storeLocal(local);
        return local;
    }

    private int nullLocal(Type type) {
        int local = newLocal(type);
        visitInsn(ACONST_NULL);
        storeLocal(local);
        return local;
    }

    private void callRuntime(String name, String descriptor) {
        // stack: ..., the hook's arguments
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, name, descriptor, false);
    }

    private void dup(Type type) {
        if (type.getSize() == 2) {
            dup2();
        } else {
            dup();
        }
    }

    /** The hooks to weave, in the order of the annotations; each misused one is left out with a warning. */
    private List<WovenHook> plan() {
        List<WovenHook> planned = new ArrayList<>();
        boolean fenceEnter = annotations.stream().anyMatch(a -> a.hook == LifecycleHook.FENCE_ENTER);
        for (LifecycleAnnotation annotation : annotations) {
            try {
                planned.add(WovenHook.of(annotation, fenceEnter, this));
            } catch (IllegalArgumentException e) {
                warn(annotation.hook, e.getMessage());
            } catch (RuntimeException e) {
                // An annotation compiled against another version of the API, say: skip this hook,
                // weave the others.
                warn(annotation.hook, "it cannot be read (" + e + ")");
            }
        }
        return planned;
    }

    int register(LifecycleHook hook, String resource) {
        int site = Sites.register(Sites.Kind.LIFECYCLE, className, methodName, null, -1, resource);
        if (hook == LifecycleHook.FILE_OPERATION || hook == LifecycleHook.ENTRY_POINT) {
            Sites.markOperation(site, hook == LifecycleHook.ENTRY_POINT);
        }
        return site;
    }

    /** Throws when {@code position} names nothing in this method. */
    void checkPosition(int position, boolean atEntry) {
        if (position == Lifecycle.THIS) {
            if ((methodAccess & ACC_STATIC) != 0) {
                throw new IllegalArgumentException("the method is static, so THIS names nothing");
            }
        } else if (position == Lifecycle.RETURNED) {
            if (atEntry) {
                throw new IllegalArgumentException("RETURNED cannot name an object needed at entry");
            }
            if (Type.getReturnType(methodDesc).getSort() == Type.VOID) {
                throw new IllegalArgumentException("RETURNED names nothing: the method returns void");
            }
        } else if (position < 0 || position >= getArgumentTypes().length) {
            throw new IllegalArgumentException("position " + position + " is not a parameter; accepted: 0 to "
                    + (getArgumentTypes().length - 1) + ", Lifecycle.THIS or Lifecycle.RETURNED");
        }
    }

    String methodName() {
        return methodName;
    }

    /** For the methods that a {@code held = WHEN_TRUE} needs. */
    boolean returnsBoolean() {
        return Type.getReturnType(methodDesc).getSort() == Type.BOOLEAN;
    }

    private void warn(LifecycleHook hook, String why) {
        log.warnOnce("@" + hook.simpleName() + " on " + className + "." + methodName + " is ignored: " + why);
    }
}
