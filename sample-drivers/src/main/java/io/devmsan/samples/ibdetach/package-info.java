/**
 * Seed 000 (Jason Gunthorpe on linux-kernel, March 2017): "infiniband has a similar 'strong fence'
 * unregister function [...] Both infiniband and TPM have the 'detach' flavour of unplug where the
 * user is not forced to close their open cdevs." Modelled on {@code ib_uverbs}: the uverbs device
 * (plainly allocated, refcounted, owning the character device) reaches the hardware driver through
 * an SRCU-protected pointer; every file operation enters an SRCU read section and fails with
 * {@code -EIO} when the pointer is null. Unregister ({@code ib_uverbs_free_hw_resources}) clears the
 * pointer, synchronizes SRCU, then disassociates every open file: the hardware objects each file
 * created are destroyed while the driver is still bound. Files stay open; everything they do later
 * fails cleanly, and their release no longer reaches the driver.
 *
 * <p>The main class is {@link io.devmsan.samples.ibdetach.UverbsDevice};
 * {@link io.devmsan.samples.ibdetach.IbHwDriver} is the hardware driver and
 * {@link io.devmsan.samples.ibdetach.IbDetachStory} replays open, create objects, unbind, use.
 */
package io.devmsan.samples.ibdetach;
