package io.devmsan.samples.irqfree;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.irq.IrqReturn;

/**
 * A packet arrives while bound, an interrupt from another device on the line comes in, then the
 * driver is unbound: the debug call of {@code free_irq} runs the handler into the freed ring.
 */
public final class ShirqStory {

    private ShirqStory() {
    }

    /**
     * Receive, spurious interrupt, unbind. Without the sanitizer nothing visibly fails.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void receiveThenUnbind() throws Exception {
        ShirqPlatform platform = ShirqPlatform.boot();
        try {
            IrqReturn mine = platform.receive();
            expect(mine == IrqReturn.HANDLED, "a received packet was " + mine);
            IrqReturn other = platform.line().fire();
            expect(other == IrqReturn.NONE, "another device's interrupt was " + other);

            int unbound = platform.bus().unbind(platform.device());
            expect(unbound == 0, "unbind returned " + Errno.name(unbound));
            expect(platform.line().handlers() == 0, "the handler is still installed after unbind");
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("irq-after-free story: " + failure);
        }
    }
}
