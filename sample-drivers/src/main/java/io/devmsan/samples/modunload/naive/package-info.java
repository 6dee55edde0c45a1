/**
 * Seed 002 (Paul Goyette on tech-kern, June 2016, on unloading device-driver modules safely): a
 * module that counts its open files under a mutex of its own decides in its unload, under that
 * mutex, that nothing uses it, and the image is unmapped with the mutex in it. An open that came
 * in meanwhile was already waiting for the mutex; it gets it in freed memory. The main class is
 * {@link io.devmsan.samples.modunload.naive.NaiveModule};
 * {@link io.devmsan.samples.modunload.naive.NaiveStory} replays the race.
 *
 * <p>The module's lifetime maps onto the sanitizer through
 * {@link io.devmsan.kernel.core.ModuleImage}: its static data is adopted by the image's lifetime
 * scope and freed when the image is unmapped, so the open's access is a use after free.
 */
package io.devmsan.samples.modunload.naive;
