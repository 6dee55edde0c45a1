package io.devmsan.samples.runner;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a scenario is explored instead of played once: a machine to build and take down for every
 * schedule, a story of user-space operations without any unbind, and the actions the explorer may
 * inject while the story is stopped (unbind always; cdev unregister and device removal when the
 * scenario can do them). Written in the model's terms only, so that the registry loads without
 * the agent; {@link Explorations} hands it to the explorer.
 *
 * @param <M> the machine
 * @param setup builds a machine with the device bound
 * @param story the user-space operations (open, read, ioctl, close...)
 * @param teardown takes the machine down, whatever state the schedule left it in
 * @param unbind the sysfs unbind
 * @param cdevUnregister deleting the character device alone, or null
 * @param removal removing the device (hot-unplug), or null
 * @param moduleUnload unloading the driver's module, or null
 */
public record Exploration<M>(Supplier<M> setup, Steps<M> story, Consumer<M> teardown, Inject<M> unbind,
        Inject<M> cdevUnregister, Inject<M> removal, Inject<M> moduleUnload) {

    /** Checks the parts every exploration needs. */
    public Exploration {
        if (setup == null || story == null || teardown == null || unbind == null) {
            throw new IllegalArgumentException("an exploration needs setup, story, teardown and unbind; got setup="
                    + setup + ", story=" + story + ", teardown=" + teardown + ", unbind=" + unbind);
        }
    }

    /** An exploration without module unload. */
    public Exploration(Supplier<M> setup, Steps<M> story, Consumer<M> teardown, Inject<M> unbind,
            Inject<M> cdevUnregister, Inject<M> removal) {
        this(setup, story, teardown, unbind, cdevUnregister, removal, null);
    }

    /** User-space operations on the machine. */
    @FunctionalInterface
    public interface Steps<M> {
        /** Plays them; an exception ends the story (operations may fail once the device is gone). */
        void play(M machine) throws Exception;
    }

    /** An action injected while the story is stopped. */
    @FunctionalInterface
    public interface Inject<M> {
        /**
         * @param machine the schedule's machine
         * @param subject the file or device of the entry point the story stopped in, or null
         */
        void inject(M machine, Object subject) throws Exception;
    }
}
