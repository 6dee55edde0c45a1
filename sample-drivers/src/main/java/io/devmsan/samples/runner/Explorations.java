package io.devmsan.samples.runner;

import io.devmsan.explore.Action;
import io.devmsan.explore.ExplorationResult;
import io.devmsan.explore.UnbindExplorer;

/**
 * Hands an {@link Exploration} to the unbind explorer. With {@link AgentObserver}, the only part of
 * the runner that links against the agent's classes; loaded only when an explored scenario plays.
 */
public final class Explorations {

    private Explorations() {
    }

    /** The explorer for {@code exploration}, named {@code name}, with each action it can inject. */
    public static <M> UnbindExplorer<M> explorer(Exploration<M> exploration, String name) {
        UnbindExplorer<M> explorer = UnbindExplorer.of(exploration.setup(), exploration.story()::play,
                        exploration.teardown())
                .withName(name)
                .withAction(Action.UNBIND, exploration.unbind()::inject);
        if (exploration.cdevUnregister() != null) {
            explorer = explorer.withAction(Action.CDEV_UNREGISTER, exploration.cdevUnregister()::inject);
        }
        if (exploration.removal() != null) {
            explorer = explorer.withAction(Action.DEVICE_REMOVAL_DURING_OPEN, exploration.removal()::inject);
        }
        if (exploration.moduleUnload() != null) {
            explorer = explorer.withAction(Action.MODULE_UNLOAD, exploration.moduleUnload()::inject);
        }
        return explorer;
    }

    /**
     * Explores and returns what it found; the findings are also recorded through the runtime, which
     * is how the runner and the validation test see them.
     */
    public static ExplorationResult explore(Exploration<?> exploration, String name) {
        return explorer(exploration, name).run();
    }
}
