/**
 * The GPIO subsystem (gpiolib). Its main class is {@link io.devmsan.kernel.gpio.GpioLib}, where a
 * driver registers its {@link io.devmsan.kernel.gpio.GpioChip}; gpiolib splits the user-facing
 * part off into a refcounted {@link io.devmsan.kernel.gpio.GpioDevice} that owns the character
 * device and outlives the chip. After removal the device is numbed: its operations still succeed
 * and do nothing. The chip pointer is fenced by SRCU, so no operation is inside the chip's
 * callbacks once removal has returned.
 */
package io.devmsan.kernel.gpio;
