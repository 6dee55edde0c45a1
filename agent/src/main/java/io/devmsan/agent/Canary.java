package io.devmsan.agent;

import java.lang.reflect.Method;

/**
 * The start-up self-check: loads {@link io.devmsan.canary.Canary}, a class with a
 * {@code @DevmScoped} field that ships in the agent jar and is referenced nowhere else, through the
 * agent's own class loader after the transformer is installed. The check passes only if the class
 * arrives with its companion field and its rewritten reader runs, which proves that the
 * transformer is registered, rewrites, and produces code that verifies and links against the
 * runtime. Loading a real class keeps code generation (and most of Byte Buddy) out of start-up.
 */
final class Canary {

    private static final String NAME = Names.dotted(ClassFilter.CANARY);

    private Canary() {
    }

    /** Returns null when rewriting works, else why it does not. */
    static String check() {
        try {
            Class<?> canary = Class.forName(NAME, true, Canary.class.getClassLoader());
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
}
