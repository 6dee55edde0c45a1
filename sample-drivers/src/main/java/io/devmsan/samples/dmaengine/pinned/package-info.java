/**
 * Seed 004 (Dan Williams and Logan Gunthorpe on linux-kernel, November 2019): the dmaengine core
 * pins the provider's module for every channel a consumer holds, and that was taken to make the
 * provider safe, but a pinned module leaves the device free to be unbound. This provider frees
 * its state with devres at unbind and the consumer's next calls run into it. The main class is
 * {@link io.devmsan.samples.dmaengine.pinned.PinnedDmaDriver};
 * {@link io.devmsan.samples.dmaengine.pinned.PinnedStory} replays open, rmmod (refused), unbind,
 * copy.
 */
package io.devmsan.samples.dmaengine.pinned;
