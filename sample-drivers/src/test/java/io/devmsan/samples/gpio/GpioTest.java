package io.devmsan.samples.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.gpio.GpioDevice;
import io.devmsan.kernel.gpio.GpioUapi;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 001 under the agent: a numbed GPIO device is clean, and its operations succeed doing nothing. */
class GpioTest {

    private static final int LINE = 5;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void lineOperationsAfterUnbindAreNumbedNoOpsAndClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        GpioPlatform platform = GpioPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        long setHigh;
        long readHigh;
        long numbedSet;
        long numbedGet;
        long lines;
        try {
            setHigh = file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(LINE, 1));
            readHigh = file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, LINE);
            assertEquals(0, platform.bus().unbind(platform.device()));
            numbedSet = file.ioctl(GpioUapi.GPIO_SET_LINE_VALUE_IOCTL, GpioUapi.setArg(LINE, 1));
            numbedGet = file.ioctl(GpioUapi.GPIO_GET_LINE_VALUE_IOCTL, LINE);
            lines = file.ioctl(GpioUapi.GPIO_GET_CHIPINFO_IOCTL, 0);
        } finally {
            file.close();
            platform.shutdown();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
        assertEquals(0, setHigh, "set while bound");
        assertEquals(1, readHigh, "the line was driven high while bound");
        assertEquals(0, numbedSet, "a numbed set succeeds");
        assertEquals(0, numbedGet, "a numbed read gives 0, whatever the line was");
        assertEquals(MmioGpioChip.NGPIO, lines, "the GPIO device still knows its lines");
    }

    @Test
    void theGpioDeviceOutlivesItsChipUntilTheLastClose() {
        GpioPlatform platform = GpioPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        GpioDevice gdev = file.privateData(GpioDevice.class);
        try {
            assertFalse(gdev.isNumbed());
            assertEquals(0, platform.bus().unbind(platform.device()));
            assertTrue(gdev.isNumbed(), "chip removal numbs the device");
            assertTrue(gdev.refcount() > 0, "the open file keeps the device: " + gdev.refcount());
            assertTrue(platform.device().children().isEmpty(), "the node is gone from sysfs");
        } finally {
            file.close();
        }
        assertEquals(0, gdev.refcount(), "the last close releases the device");
        platform.shutdown();
    }

    @Test
    void theStoryPlaysCleanUnderTheAgent() throws Exception {
        Devmsan.Snapshot before = Devmsan.snapshot();
        GpioStory.openUnbindNumbed();
        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
