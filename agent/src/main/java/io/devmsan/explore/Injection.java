package io.devmsan.explore;

/**
 * An action as the test supplies it: runs on the explorer's action thread while the story is
 * stopped.
 *
 * @param <M> the machine the test's setup returned
 */
@FunctionalInterface
public interface Injection<M> {

    /**
     * Injects the action.
     *
     * @param machine what setup returned for this schedule
     * @param subject what the story's innermost entry point was about when it stopped: the file of
     *     a file operation, the device of an entry point (as the model's lifecycle annotations
     *     name them), or the last one it was in; null when it never entered one
     * @throws Exception any failure; it is noted in the schedule, it is not a finding
     */
    void inject(M machine, Object subject) throws Exception;
}
