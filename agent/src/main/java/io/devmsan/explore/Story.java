package io.devmsan.explore;

/**
 * The user-space part of a test: open, read, ioctl, close... on the machine setup built. It runs
 * on the explorer's story thread; an exception ends the story and is noted, it is not a finding
 * (operations legitimately fail once the device is gone).
 *
 * @param <M> the machine the test's setup returned
 */
@FunctionalInterface
public interface Story<M> {

    /** Plays the story on {@code machine}. */
    void play(M machine) throws Exception;
}
