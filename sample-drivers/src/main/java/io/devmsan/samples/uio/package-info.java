/**
 * The UIO and xillyusb open pattern (field notes: open looked the device up and took a reference
 * in two critical sections): a minor table ({@link io.devmsan.samples.uio.UioMinors}) maps the
 * node's minor to a devres-allocated {@link io.devmsan.samples.uio.UioDevice}, whose in-use count
 * {@code remove()} kills and drains before devres frees it. The main class is
 * {@link io.devmsan.samples.uio.UioDriver}. Two scenarios share it and differ in open:
 * {@code lookup-then-get} ({@code .split}) takes the reference after dropping the table's lock,
 * {@code lookup-then-get-fixed} ({@code .locked}) under it.
 */
package io.devmsan.samples.uio;
