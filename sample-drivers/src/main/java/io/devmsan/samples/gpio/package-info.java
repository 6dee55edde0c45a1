/**
 * Seed 001 (Linus Walleij on ksummit-discuss, July 2021, on how GPIO survives a driver going away):
 * gpiolib splits the refcounted {@code gpio_device}, which owns the character device and outlives
 * the driver, from the {@code gpio_chip} the driver provides. When the chip is removed the device
 * is numbed: operations on files still open succeed and do nothing until user space closes them.
 * The main class is {@link io.devmsan.samples.gpio.MmioGpioDriver}, a devm-only controller driver
 * on {@link io.devmsan.kernel.gpio.GpioLib}; {@link io.devmsan.samples.gpio.GpioStory} replays
 * open, unbind, keep using the file.
 */
package io.devmsan.samples.gpio;
