/**
 * Seed 000 (Jason Gunthorpe on linux-kernel, March 2017, on TPM's unregister): the strong fence.
 * The TPM core keeps its own refcounted chip structure, separate from the low-level driver's
 * device; every user of the chip takes a device reference and the read side of {@code ops_sem} and
 * fails when {@code ops} is null ({@code tpm_try_get_ops}), and {@code tpm_chip_unregister} deletes
 * the character device, then clears {@code ops} under the write side. Once unregister returns,
 * no callback into the low-level driver is in progress and none can begin, so devres may unmap
 * its registers. File operations on a file opened before unbind fail with {@code -EPIPE}.
 *
 * <p>The same seed warns that low-level drivers "cannot associate HW resources to the 'chip' struct
 * device, as it is unwound and devm triggered *during* tpm_chip_unregister and does not enjoy the
 * strong fence guarantee": {@link io.devmsan.samples.tpm.TpmTis.HwResources#ON_CHIP_DEVICE} does
 * exactly that (scenario {@code tpm-hw-on-chip-device}, whose marked lines name it).
 *
 * <p>The main class is {@link io.devmsan.samples.tpm.TpmChip}; {@link io.devmsan.samples.tpm.TpmTis}
 * is the low-level driver and {@link io.devmsan.samples.tpm.TpmStory} replays open, unbind, write,
 * and a write in flight across unregister.
 */
package io.devmsan.samples.tpm;
