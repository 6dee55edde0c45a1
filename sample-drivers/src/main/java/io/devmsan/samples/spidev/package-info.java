/**
 * The spidev pattern (field notes: spidev checked {@code spidev->spi} under a lock and used it
 * after unlocking): a plainly allocated {@link io.devmsan.samples.spidev.SpidevData} holds a pointer
 * to the bound device's transfer state ({@link io.devmsan.samples.spidev.SpiHost}, devres memory),
 * which {@code remove()} clears under {@code spi_lock}. The main class is
 * {@link io.devmsan.samples.spidev.SpidevDriver}. Two scenarios share it and differ in their
 * transfer: {@code check-then-use-unlocked} ({@code .unlocked}) uses the pointer after dropping the
 * lock, {@code check-then-use-unlocked-fixed} ({@code .locked}) keeps the lock across the use.
 */
package io.devmsan.samples.spidev;
