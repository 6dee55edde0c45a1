package io.devmsan.kernel.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.Device;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** gpiolib on the model alone: registration, the character device, numbing, the SRCU fence. */
class GpioLibTest {

    /** A chip whose lines are bits of an int; logs every callback. */
    private static class BitChip extends GpioChip {
        final List<String> log = new CopyOnWriteArrayList<>();
        volatile int bits;

        BitChip(Device parent) {
            super("bits", parent, 4);
        }

        @Override
        public int get(int offset) {
            log.add("get " + offset);
            return (bits >>> offset) & 1;
        }

        @Override
        public void set(int offset, int value) {
            log.add("set " + offset + "=" + value);
            bits = value != 0 ? bits | (1 << offset) : bits & ~(1 << offset);
        }
    }

    private final Device parent = new Device("gpio-test.0");

    @Test
    void addDataCreatesAGpioDeviceWithANodeBelowTheParent() {
        BitChip chip = new BitChip(parent);
        assertEquals(0, GpioLib.addData(chip));
        GpioDevice gdev = GpioLib.deviceOf(chip);

        assertTrue(gdev.name().startsWith("gpiochip"), gdev.name());
        assertEquals(List.of(gdev.name()), parent.children().stream().map(Device::name).toList());
        assertTrue(Devtmpfs.list().contains(Devtmpfs.path(gdev.name())));
        assertEquals("bits", gdev.label());
        assertEquals(4, gdev.ngpio());
        assertEquals(-Errno.EBUSY, GpioLib.addData(chip), "a chip registers once");
        GpioLib.remove(chip);
    }

    @Test
    void lineOperationsReachTheChipWhileItIsRegistered() {
        BitChip chip = new BitChip(parent);
        GpioLib.addData(chip);
        File file = Devtmpfs.open(Devtmpfs.path(GpioLib.deviceOf(chip).name()));

        assertEquals(0, file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(2, 1)));
        assertEquals(1, file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, 2));
        assertEquals(0, file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, 1));
        assertEquals(4, file.ioctl(GpioUapi.GPIO_GET_CHIPINFO_IOCTL, 0));
        assertEquals(-Errno.EINVAL, file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, 4));
        assertEquals(-Errno.EINVAL, file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(2, 1) | (1L << 20)));
        assertEquals(-Errno.ENOTTY, file.ioctl(0x1234, 0));
        assertEquals(List.of("set 2=1", "get 2", "get 1"), chip.log);
        file.close();
        GpioLib.remove(chip);
    }

    @Test
    void afterRemovalTheDeviceIsNumbedItsOperationsSucceedAndNeverReachTheChip() {
        BitChip chip = new BitChip(parent);
        GpioLib.addData(chip);
        GpioDevice gdev = GpioLib.deviceOf(chip);
        File file = Devtmpfs.open(Devtmpfs.path(gdev.name()));
        file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(3, 1));
        chip.log.clear();

        GpioLib.remove(chip);

        assertTrue(gdev.isNumbed());
        assertNull(GpioLib.deviceOf(chip));
        assertEquals(0, file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, 3), "numbed: reads 0");
        assertEquals(0, file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(3, 0)), "numbed: set succeeds");
        assertEquals(4, file.ioctl(GpioUapi.GPIO_GET_CHIPINFO_IOCTL, 0));
        assertEquals(List.of(), chip.log, "the chip was never called");
        assertEquals(0b1000, chip.bits, "and nothing changed");
        assertEquals(-Errno.ENXIO, assertThrows(ErrnoException.class,
                () -> gdev.cdev.open()).errno(), "no new opens");
        file.close();
    }

    @Test
    void theGpioDeviceIsReleasedAtTheLastCloseNotAtRemoval() {
        BitChip chip = new BitChip(parent);
        GpioLib.addData(chip);
        GpioDevice gdev = GpioLib.deviceOf(chip);
        File file = Devtmpfs.open(Devtmpfs.path(gdev.name()));
        GpioLib.remove(chip);
        assertTrue(gdev.refcount() > 0, "pinned by the open file");
        file.close();
        assertEquals(0, gdev.refcount());
    }

    @Test
    void removalWaitsForAnOperationInsideTheChipAndNoneStartsAfter() throws Exception {
        CountDownLatch inGet = new CountDownLatch(1);
        CountDownLatch finishGet = new CountDownLatch(1);
        BitChip chip = new BitChip(parent) {
            @Override
            public int get(int offset) {
                inGet.countDown();
                try {
                    assertTrue(finishGet.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.get(offset);
            }
        };
        GpioLib.addData(chip);
        GpioDevice gdev = GpioLib.deviceOf(chip);
        File file = Devtmpfs.open(Devtmpfs.path(gdev.name()));
        Thread reader = Await.start("reader", () -> file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, 0));
        assertTrue(inGet.await(10, TimeUnit.SECONDS));
        Thread remover = Await.start("gpiochip_remove", () -> GpioLib.remove(chip));
        Await.until(gdev::isNumbed, "removal to numb the device");
        Await.blocked(remover);
        assertTrue(remover.isAlive(), "removal waits for the reader inside the chip");

        finishGet.countDown();
        Await.joined(remover);
        Await.joined(reader);
        assertEquals(List.of("get 0"), chip.log);
        assertEquals(0, file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, 0));
        assertEquals(List.of("get 0"), chip.log, "no callback after removal returned");
        file.close();
    }

    @Test
    void devmAddDataRemovesTheChipWhenDevresIsReleased() {
        BitChip chip = new BitChip(parent);
        assertEquals(0, GpioLib.devmAddData(parent, chip));
        GpioDevice gdev = GpioLib.deviceOf(chip);
        assertFalse(gdev.isNumbed());
        parent.devres().releaseAll();
        assertTrue(gdev.isNumbed());
        assertSame(null, GpioLib.deviceOf(chip));
    }
}
