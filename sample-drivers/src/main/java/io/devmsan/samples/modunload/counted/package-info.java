/**
 * Seed 002's proposal (Paul Goyette on tech-kern, June 2016): an unloading flag and entrance/exit
 * counters kept outside the module image. The unload sets the flag under the module's mutex,
 * unlinks the entry points, and sleeps until entrances equal exits; every entry into the module
 * counts itself first and turns back when the flag is set. No caller is ever inside the image when
 * it is unmapped. The main class is {@link io.devmsan.samples.modunload.counted.CountedModule};
 * {@link io.devmsan.samples.modunload.counted.CountedStory} replays the race of the naive module.
 */
package io.devmsan.samples.modunload.counted;
