package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared base of the rewrite tests: loads fixtures through {@link RewritingLoader}, drives probe
 * and unbind through the woven {@code FakeDriverCore}, and collects what the runtime recorded since
 * the test began.
 */
abstract class RewriteTestBase {

    RewritingLoader loader;
    private Devmsan.Snapshot start;

    @BeforeEach
    void freshLoaderAndWindow() {
        loader = new RewritingLoader();
        start = Devmsan.snapshot();
    }

    List<Violation> violations() {
        return Devmsan.since(start);
    }

    void assertViolations(int expected) {
        List<Violation> found = violations();
        assertEquals(expected, found.size(), () -> "violations: " + found);
    }

    Class<?> fixture(String simpleName) throws ClassNotFoundException {
        return loader.loadClass(RewritingLoader.FIXTURES + simpleName);
    }

    Object newFixture(String simpleName) throws Exception {
        return fixture(simpleName).getConstructor().newInstance();
    }

    /** Calls a public method by name (first match), unwrapping what it throws. */
    static Object call(Object target, String method, Object... arguments) throws Throwable {
        Class<?> type = target instanceof Class ? (Class<?>) target : target.getClass();
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                try {
                    return candidate.invoke(target instanceof Class ? null : target, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + method + " on " + type);
    }

    /** Runs {@code body} as the probe of {@code device}, through the woven fake driver core. */
    void probe(Object device, ThrowingRunnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        call(fixture("FakeDriverCore"), "probe", device, (Runnable) () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** A new instance of fixture {@code type}, built inside the probe of {@code device}. */
    Object ownedInProbe(Object device, String type) throws Throwable {
        Object[] made = new Object[1];
        probe(device, () -> made[0] = newFixture(type));
        return made[0];
    }

    /** The recorded violation at {@code resource} accessed from {@code method}, or an assertion error. */
    Violation violationAt(String resource, String method) {
        return violations().stream()
                .filter(v -> v.resource().equals(resource) && v.accessMethod().equals(method))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + resource + " from " + method
                        + " among " + violations()));
    }

    void unbind(Object device) throws Throwable {
        call(fixture("FakeDriverCore"), "unbind", device, (Runnable) () -> { });
    }

    interface ThrowingRunnable {
        void run() throws Throwable;
    }
}
