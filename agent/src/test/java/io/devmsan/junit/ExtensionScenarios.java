package io.devmsan.junit;

import io.devmsan.fixtures.FakeDriverCore;
import io.devmsan.fixtures.OwnedContext;
import io.devmsan.fixtures.ScopedHolder;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes that the extension's own tests run through JUnit's EngineTestKit; never run
 * directly (no *Test or *IT name). The violations happen inside the fixtures, which the agent
 * rewrites; this package is never rewritten.
 */
final class ExtensionScenarios {

    private ExtensionScenarios() {
    }

    /** A holder whose context belongs to a device that has been unbound. */
    static ScopedHolder unboundHolder() {
        Object device = new Object();
        ScopedHolder holder = new ScopedHolder();
        FakeDriverCore.probe(device, () -> holder.store(new Object()));
        FakeDriverCore.unbind(device, () -> { });
        return holder;
    }

    /** A context owned by a device that has been unbound. */
    static OwnedContext unboundContext() {
        Object device = new Object();
        AtomicReference<OwnedContext> context = new AtomicReference<>();
        FakeDriverCore.probe(device, () -> context.set(new OwnedContext()));
        FakeDriverCore.unbind(device, () -> { });
        return context.get();
    }

    @ExtendWith(DevmsanExtension.class)
    static class Clean {
        @Test
        void noViolation() {
            new ScopedHolder().readContext();
        }
    }

    @DevmsanTest
    static class Swallowed {
        @Test
        void driverCodeSwallowsEverything() {
            try {
                unboundHolder().readContext();
            } catch (Throwable swallowed) {
                // like driver code that catches everything
            }
        }
    }

    @DevmsanTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OnlyTheGuiltyTestFails {
        @Test
        @Order(1)
        void guilty() {
            unboundHolder().readContext();
        }

        @Test
        @Order(2)
        void innocentAfterwards() {
            new ScopedHolder().readContext();
        }
    }

    @DevmsanTest
    static class Expected {
        @Test
        @ExpectViolation(rule = "use-after-unbind", resource = "ScopedHolder#context")
        void bySuffix() {
            unboundHolder().readContext();
        }

        @Test
        @ExpectViolation(rule = "*", resource = "io.devmsan.*#context")
        void byWildcard() {
            unboundHolder().readContext();
        }

        @Test
        @ExpectViolation(rule = "use-after-unbind", resource = "ScopedHolder#context")
        @ExpectViolation(rule = "use-after-unbind", resource = "OwnedContext#*")
        void twoOfThem() {
            unboundHolder().readContext();
            unboundContext().bump();
        }
    }

    @DevmsanTest
    static class ExpectedButMissing {
        @Test
        @ExpectViolation(rule = "use-after-unbind", resource = "ScopedHolder#context")
        void nothingHappens() {
            new ScopedHolder().readContext();
        }
    }

    @DevmsanTest
    static class ExpectedPlusAnother {
        @Test
        @ExpectViolation(rule = "use-after-unbind", resource = "ScopedHolder#context")
        void anotherOneToo() {
            unboundHolder().readContext();
            unboundContext().bump();
        }
    }

    @DevmsanTest
    static class WrongRule {
        @Test
        @ExpectViolation(rule = "use-after-free", resource = "ScopedHolder#context")
        void unbindNotFree() {
            unboundHolder().readContext();
        }
    }
}
