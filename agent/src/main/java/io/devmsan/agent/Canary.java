package io.devmsan.agent;

import io.devmsan.annotations.DevmScoped;
import java.lang.reflect.Method;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.FieldAccessor;

/**
 * The start-up self-check: a class with a {@code @DevmScoped} field is generated and defined in a
 * fresh class loader, which makes the JVM hand it to the installed transformer. The check passes
 * only if the loaded class carries the companion field and its rewritten reader runs, which proves
 * that the transformer is registered, rewrites, and produces code that verifies and links against
 * the runtime.
 */
final class Canary {

    private static final String NAME = Names.dotted(ClassFilter.CANARY);

    private Canary() {
    }

    /** Returns null when rewriting works, else why it does not. */
    static String check() {
        try {
            byte[] classFile = new ByteBuddy()
                    .subclass(Object.class)
                    .name(NAME)
                    .defineField("resource", Object.class, Visibility.PUBLIC)
                    .annotateField(AnnotationDescription.Builder.ofType(DevmScoped.class).build())
                    .defineMethod("read", Object.class, Visibility.PUBLIC)
                    .intercept(FieldAccessor.ofField("resource"))
                    .make()
                    .getBytes();
            Class<?> canary = new DefiningLoader(Canary.class.getClassLoader()).define(classFile);
            canary.getDeclaredField(Names.companion("resource"));
            Object instance = canary.getConstructor().newInstance();
            Method read = canary.getMethod("read");
            read.invoke(instance);
            return null;
        } catch (NoSuchFieldException e) {
            return "the canary class was loaded without its rewrite: the transformer did not run on it";
        } catch (Throwable t) {
            return "the canary class failed: " + t;
        }
    }

    /** Defines one class, so that the JVM's class file load hook (the transformers) sees it. */
    private static final class DefiningLoader extends ClassLoader {
        DefiningLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] classFile) {
            return defineClass(NAME, classFile, 0, classFile.length);
        }
    }
}
