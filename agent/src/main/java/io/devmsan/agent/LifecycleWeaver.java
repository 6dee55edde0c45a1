package io.devmsan.agent;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.runtime.Sites;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.enumeration.EnumerationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves {@link LifecycleAdvice} into the methods annotated with {@code @Lifecycle.*} and
 * {@code @Fence.*}, with Byte Buddy's {@link Advice}: it inlines the hooks and keeps the stack map
 * frames right around the exception handlers that exit hooks need.
 */
final class LifecycleWeaver {

    private static final TypeDescription.Generic OBJECT =
            TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);

    private final AgentLog log;

    LifecycleWeaver(AgentLog log) {
        this.log = log;
    }

    /** Returns the class with its lifecycle methods woven, or {@code classFile} when there are none. */
    byte[] weave(String internalName, byte[] classFile, ClassLoader loader) {
        String name = Names.dotted(internalName);
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(name, classFile),
                ClassFileLocator.ForClassLoader.of(loader),
                // The annotation types' defaults, even for a loader that cannot see the agent.
                ClassFileLocator.ForClassLoader.of(LifecycleWeaver.class.getClassLoader()));
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        TypeDescription type = pool.describe(name).resolve();
        DynamicType.Builder<?> builder = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .redefine(type, locator);
        boolean woven = false;
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
                Hook hook = Hook.of(annotation.getAnnotationType().getName());
                if (hook == null) {
                    continue;
                }
                try {
                    builder = builder.visit(advice(hook, annotation, method, name));
                    woven = true;
                } catch (IllegalArgumentException e) {
                    log.warnOnce("@" + hook.simpleName() + " on " + name + "." + method.getName()
                            + " is ignored: " + e.getMessage());
                } catch (RuntimeException e) {
                    // An annotation compiled against another version of the API, say: skip the
                    // method, weave the others.
                    log.warnOnce("@" + hook.simpleName() + " on " + name + "." + method.getName()
                            + " is ignored: it cannot be read (" + e + ")");
                }
            }
        }
        return woven ? builder.make().getBytes() : classFile;
    }

    private AsmVisitorWrapper advice(Hook hook, AnnotationDescription annotation,
            MethodDescription.InDefinedShape method, String className) {
        if (!method.isMethod()) {
            throw new IllegalArgumentException("only methods can be lifecycle points, not constructors");
        }
        String resource = hook.resource(annotation, method);
        int site = Sites.register(Sites.Kind.LIFECYCLE, className, method.getName(), null, -1, resource);
        if (hook == Hook.FILE_OPERATION || hook == Hook.ENTRY_POINT) {
            Sites.markOperation(site, hook == Hook.ENTRY_POINT);
        }
        Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                .bind(LifecycleAdvice.SiteId.class, site)
                .bind(LifecycleAdvice.Subject.class,
                        position(method, intValue(annotation, hook.subject), hook.subjectAtEntry));
        if (hook.second != null) {
            mapping = mapping.bind(LifecycleAdvice.Second.class,
                    position(method, intValue(annotation, hook.second), false));
        }
        Class<?> adviceClass = hook.advice;
        if (hook == Hook.FENCE_ENTER && "WHEN_TRUE".equals(annotation.getValue("held")
                .resolve(EnumerationDescription.class).getValue())) {
            if (!method.getReturnType().represents(boolean.class)) {
                throw new IllegalArgumentException("held = WHEN_TRUE needs a method returning boolean");
            }
            adviceClass = LifecycleAdvice.FenceEnterWhenTrue.class;
        }
        if (hook == Hook.FENCE_SYNCHRONIZE && hasAnnotation(method, Hook.FENCE_ENTER.annotation)) {
            // One attempt per call: the @Fence.Enter advice on the same method reports it.
            adviceClass = LifecycleAdvice.FenceSynchronizeOnly.class;
        }
        return mapping.to(adviceClass).on(ElementMatchers.is(method));
    }

    private static boolean hasAnnotation(MethodDescription method, String annotationName) {
        for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
            if (annotation.getAnnotationType().getName().equals(annotationName)) {
                return true;
            }
        }
        return false;
    }

    private static int intValue(AnnotationDescription annotation, String property) {
        return annotation.getValue(property).resolve(Integer.class);
    }

    /** Binds a position ({@code 0..n-1}, THIS or RETURNED) of {@code method} to an advice parameter. */
    private static Advice.OffsetMapping position(MethodDescription method, int position, boolean atEntry) {
        if (position == Lifecycle.THIS) {
            if (method.isStatic()) {
                throw new IllegalArgumentException("the method is static, so THIS names nothing");
            }
            return new Advice.OffsetMapping.ForThisReference(OBJECT, true, Assigner.Typing.DYNAMIC, false);
        }
        if (position == Lifecycle.RETURNED) {
            if (atEntry) {
                throw new IllegalArgumentException("RETURNED cannot name an object needed at entry");
            }
            if (method.getReturnType().represents(void.class)) {
                throw new IllegalArgumentException("RETURNED names nothing: the method returns void");
            }
            return new Advice.OffsetMapping.ForReturnValue(OBJECT, true, Assigner.Typing.DYNAMIC);
        }
        if (position < 0 || position >= method.getParameters().size()) {
            throw new IllegalArgumentException("position " + position + " is not a parameter; accepted: 0 to "
                    + (method.getParameters().size() - 1) + ", Lifecycle.THIS or Lifecycle.RETURNED");
        }
        return new Advice.OffsetMapping.ForArgument.Resolved(OBJECT, true, Assigner.Typing.DYNAMIC,
                method.getParameters().get(position));
    }

    /** Each lifecycle or fence annotation: its advice and which properties name its objects. */
    private enum Hook {
        PROBE("Lifecycle$Probe", LifecycleAdvice.Probe.class, "device", null, true),
        UNBIND("Lifecycle$Unbind", LifecycleAdvice.Unbind.class, "device", null, true),
        DEVRES_ADOPT("Lifecycle$DevresAdopt", LifecycleAdvice.DevresAdopt.class, "device", "object", false),
        FREES("Lifecycle$Frees", LifecycleAdvice.Frees.class, "value", null, false),
        CDEV_ADD("Lifecycle$CdevAdd", LifecycleAdvice.CdevAdd.class, "cdev", "device", false),
        CDEV_DEL("Lifecycle$CdevDel", LifecycleAdvice.CdevDel.class, "cdev", null, false),
        FILE_OPEN("Lifecycle$FileOpen", LifecycleAdvice.FileOpen.class, "cdev", "file", false),
        FILE_OPERATION("Lifecycle$FileOperation", LifecycleAdvice.FileOperation.class, "file", null, true),
        ENTRY_POINT("Lifecycle$EntryPoint", LifecycleAdvice.EntryPoint.class, "device", null, true),
        // Enter and Synchronize report a blocking attempt at entry, so their fence is needed there.
        FENCE_ENTER("Fence$Enter", LifecycleAdvice.FenceEnter.class, "fence", null, true),
        FENCE_EXIT("Fence$Exit", LifecycleAdvice.FenceExit.class, "fence", null, false),
        FENCE_SYNCHRONIZE("Fence$Synchronize", LifecycleAdvice.FenceSynchronize.class, "fence", null, true);

        private static final String PACKAGE = "io.devmsan.annotations.";

        final String annotation;
        final Class<?> advice;
        final String subject;
        final String second;
        /** Whether the subject is needed by the entry hook (then it cannot be the returned value). */
        final boolean subjectAtEntry;

        Hook(String annotation, Class<?> advice, String subject, String second, boolean subjectAtEntry) {
            this.annotation = PACKAGE + annotation;
            this.advice = advice;
            this.subject = subject;
            this.second = second;
            this.subjectAtEntry = subjectAtEntry;
        }

        static Hook of(String annotationName) {
            for (Hook hook : values()) {
                if (hook.annotation.equals(annotationName)) {
                    return hook;
                }
            }
            return null;
        }

        String simpleName() {
            return annotation.substring(PACKAGE.length()).replace('$', '.');
        }

        /** What the site reports: an operation or entry point's name, else the annotation. */
        String resource(AnnotationDescription annotation, MethodDescription method) {
            if (this == FILE_OPERATION || this == ENTRY_POINT) {
                String name = annotation.getValue("value").resolve(String.class);
                return name.isEmpty() ? method.getName() : name;
            }
            return simpleName();
        }
    }
}
