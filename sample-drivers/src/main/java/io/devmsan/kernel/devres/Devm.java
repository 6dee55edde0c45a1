package io.devmsan.kernel.devres;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.irq.IrqHandler;
import io.devmsan.kernel.irq.IrqLine;
import java.util.function.Supplier;

/**
 * The {@code devm_*} API: resources whose release is registered on the device's devres list and
 * runs when the driver unbinds (after {@code remove()}) or its probe fails.
 *
 * <p>{@link #kzalloc} hands the memory it returns to the sanitizer as owned by the device's bind
 * scope ({@link Lifecycle.DevresAdopt}), which matters for {@code @ScopeOwned} types.
 */
public final class Devm {

    private Devm() {
    }

    /**
     * {@code devm_kzalloc}: allocates an object that is freed ({@link Slab#kfree}) when devres is
     * released.
     */
    @Lifecycle.DevresAdopt(device = 0)
    public static <T> T kzalloc(Device dev, Supplier<T> constructor) {
        T object = Slab.kzalloc(constructor);
        dev.devres().add("devm_kzalloc " + object.getClass().getSimpleName(), () -> Slab.kfree(object));
        return object;
    }

    /**
     * {@code devm_ioremap}: maps a register window of {@code size} bytes that is unmapped when devres
     * is released (see {@link IoMem} for how the sanitizer checks its users).
     */
    public static IoMem ioremap(Device dev, int size) {
        IoMem io = IoMem.ioremap(size);
        dev.devres().add("devm_ioremap", () -> IoMem.iounmap(io));
        return io;
    }

    /**
     * {@code devm_request_irq}: installs {@code handler} on {@code line} until devres is released,
     * when {@code free_irq} waits for a running handler (and, on a shared line with
     * {@code CONFIG_DEBUG_SHIRQ}, calls the handler once more).
     *
     * @return 0 or the negative errno of {@link IrqLine#request}
     */
    public static int requestIrq(Device dev, IrqLine line, IrqHandler handler) {
        int ret = line.request(dev, handler);
        if (ret == 0) {
            dev.devres().add("devm_irq " + line.irq(), () -> line.free(handler));
        }
        return ret;
    }

    /**
     * {@code devm_add_action}: runs {@code action} when devres is released.
     *
     * @return 0, or {@code -EINVAL} for a null action
     */
    public static int addAction(Device dev, Runnable action) {
        if (action == null) {
            return -Errno.EINVAL;
        }
        dev.devres().add("devm_action", action);
        return 0;
    }

    /**
     * {@code devm_add_action_or_reset}: like {@link #addAction} but runs the action right away when
     * it cannot be registered, so the caller never leaks.
     */
    public static int addActionOrReset(Device dev, Runnable action) {
        int ret = addAction(dev, action);
        if (ret < 0 && action != null) {
            action.run();
        }
        return ret;
    }

    /**
     * {@code devm_release_action}: runs {@code action} now and forgets it.
     *
     * @return 0, or {@code -ENOENT} when {@code action} was not registered (then it does not run)
     */
    public static int releaseAction(Device dev, Runnable action) {
        if (!dev.devres().remove(action)) {
            return -Errno.ENOENT;
        }
        action.run();
        return 0;
    }
}
