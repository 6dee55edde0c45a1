package io.devmsan.samples.gpio;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.gpio.GpioUapi;

/**
 * Open the GPIO chip's node, drive a line, unbind the controller, keep using the file: the GPIO
 * device is numbed, so every call succeeds and nothing happens.
 */
public final class GpioStory {

    private static final int LINE = 3;

    private GpioStory() {
    }

    /**
     * Open, set and read back a line while bound, unbind, then read, set and ask for chip info
     * again: the read gives 0 although the line was driven high, the set returns 0 and changes
     * nothing, the chip info is still served by the GPIO device.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindNumbed() throws Exception {
        GpioPlatform platform = GpioPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                long set = file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(LINE, 1));
                expect(set == 0, "set while bound returned " + Errno.name(set));
                long high = file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, LINE);
                expect(high == 1, "line " + LINE + " read " + Errno.name(high) + " while bound, expected 1");

                int unbound = platform.bus().unbind(platform.device());
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));

                long numbedGet = file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, LINE);
                expect(numbedGet == 0, "a read after unbind returned " + Errno.name(numbedGet) + ", expected 0");
                long numbedSet = file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(LINE, 1));
                expect(numbedSet == 0, "a set after unbind returned " + Errno.name(numbedSet) + ", expected 0");
                long stillLow = file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, LINE);
                expect(stillLow == 0, "the numbed set changed the line: " + Errno.name(stillLow));
                long lines = file.ioctl(GpioUapi.GPIO_GET_CHIPINFO_IOCTL, 0);
                expect(lines == MmioGpioChip.NGPIO, "chip info after unbind returned " + Errno.name(lines));
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("gpio-numbed story: " + failure);
        }
    }
}
