package io.devmsan.bench.workload;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Checks, in a fork's set-up, that the classes it measures are what the fork claims: rewritten and
 * really owned by an open bind scope under the agent, untouched without it. A benchmark that
 * silently measured unrewritten code (agent jar not found, canary failed) would report a perfect
 * ratio; this makes it fail instead.
 */
final class Rewrite {

    private static final String PREFIX = "devmsan$";

    private Rewrite() {
    }

    /** Whether the agent added a field to {@code type} (an owner field or a companion). */
    static boolean isRewritten(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (field.getName().startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The token the agent stored in {@code object}'s field {@code devmsan$name}, or null. */
    static Object token(Object object, String name) {
        for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(PREFIX + name);
                field.setAccessible(true);
                return field.get(object);
            } catch (NoSuchFieldException e) {
                // declared higher up, if at all
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + PREFIX + name + " of " + type.getName(), e);
            }
        }
        return null;
    }

    /** {@code io.devmsan.runtime.Devmsan.isInstalled()}, false when the agent is not there at all. */
    static boolean agentInstalled() {
        try {
            Class<?> api = Class.forName("io.devmsan.runtime.Devmsan");
            return (Boolean) api.getMethod("isInstalled").invoke(null);
        } catch (ClassNotFoundException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("io.devmsan.runtime.Devmsan.isInstalled() failed", e);
        }
    }

    /**
     * Whether the agent tracks file operations on every thread by now (see the runtime's
     * {@code OperationTracking}): package-private, so read reflectively, like the tokens.
     */
    static boolean operationsTracked() {
        return (Boolean) runtimeStatic("io.devmsan.runtime.OperationTracking", "on");
    }

    /** A package-private static no-argument method of the agent's runtime, called reflectively. */
    private static Object runtimeStatic(String type, String method) {
        try {
            Method m = Class.forName(type).getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + type + "." + method + "()", e);
        }
    }

    /**
     * Whether the agent's checks take their full path by now, because a dead owner token may be
     * reachable (the runtime's {@code DeadTokens}); read reflectively, like the tokens.
     */
    static boolean checksTokens() {
        return (Boolean) runtimeStatic("io.devmsan.runtime.DeadTokens", "checking");
    }

    /** Throws naming what is wrong unless {@code condition} holds. */
    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up: " + what);
        }
    }
}
