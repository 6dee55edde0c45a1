package io.devmsan.samples.runner;

/** A scenario's story: boots a machine, plays user space, tears the machine down. */
@FunctionalInterface
public interface Story {

    /** Plays the story; throws when the model does not behave as the kernel would. */
    void run() throws Exception;
}
