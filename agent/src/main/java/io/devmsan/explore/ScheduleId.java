package io.devmsan.explore;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Names one schedule so that it can be replayed alone: the action and the checkpoint where the
 * story stops, {@code UNBIND@7}. The story is deterministic up to its checkpoints, so the same id
 * on the same test stops at the same place.
 */
record ScheduleId(Action action, int checkpoint) {

    /** The system property that replays one schedule in every explorer of the JVM. */
    static final String REPLAY_PROPERTY = "devmsan.explore.replay";

    ScheduleId {
        if (checkpoint < 1) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " of schedule " + action
                    + " is not a checkpoint number; accepted: 1 or more");
        }
    }

    /**
     * Parses {@code ACTION@N}, such as {@code UNBIND@7}.
     *
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    static ScheduleId parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int at = trimmed.indexOf('@');
        if (at > 0) {
            String name = trimmed.substring(0, at);
            for (Action action : Action.values()) {
                if (action.id().equals(name)) {
                    try {
                        return new ScheduleId(action, Integer.parseInt(trimmed.substring(at + 1)));
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
        }
        throw new IllegalArgumentException("replay id '" + text + "' is not accepted; expected ACTION@N with ACTION one of "
                + Arrays.stream(Action.values()).map(Action::id).collect(Collectors.joining(", "))
                + " and N a checkpoint number, such as UNBIND@7");
    }

    @Override
    public String toString() {
        return action.id() + "@" + checkpoint;
    }
}
