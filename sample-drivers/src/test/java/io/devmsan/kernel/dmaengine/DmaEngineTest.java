package io.devmsan.kernel.dmaengine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Module;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The dmaengine core on the model alone: channel requests pin the module and the device, never the bind. */
class DmaEngineTest {

    /** A provider that copies at issue time and logs every callback with its channel. */
    private static final class LoggingOps implements DmaDeviceOps {
        final List<String> log = new CopyOnWriteArrayList<>();
        DmaDescriptor queued;
        long cookie;

        @Override
        public int allocChanResources(DmaChan chan) {
            log.add("alloc " + chan.chanId());
            return 0;
        }

        @Override
        public void freeChanResources(DmaChan chan) {
            log.add("free " + chan.chanId());
        }

        @Override
        public DmaDescriptor prepMemcpy(DmaChan chan, byte[] dst, byte[] src, int len) {
            log.add("prep " + len);
            return new DmaDescriptor(chan, dst, src, len);
        }

        @Override
        public long txSubmit(DmaDescriptor desc) {
            log.add("submit");
            queued = desc;
            desc.setCookie(++cookie);
            return cookie;
        }

        @Override
        public void issuePending(DmaChan chan) {
            log.add("issue");
            System.arraycopy(queued.src(), 0, queued.dst(), 0, queued.len());
        }

        @Override
        public DmaStatus txStatus(DmaChan chan, long c) {
            log.add("status " + c);
            return c <= cookie ? DmaStatus.COMPLETE : DmaStatus.ERROR;
        }
    }

    private final DmaEngine engine = new DmaEngine();
    private final Module module = new Module("provider");
    private final LoggingOps ops = new LoggingOps();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private final DmaDevice dd = new DmaDevice(new Device("dma-test.0"), module, ops, 2, () -> released.add("release"));

    @Test
    void aChannelPinsTheProviderModuleAndTheDmaDevice() {
        assertEquals(0, engine.registerDevice(dd));
        DmaChan chan = engine.requestChannel();

        assertSame(dd, chan.device());
        assertEquals(1, module.refcount());
        assertEquals(2, dd.refcount(), "the registration and the client");
        assertEquals(-Errno.EWOULDBLOCK, module.unload(), "a held channel refuses rmmod");
        engine.releaseChannel(chan);
        assertEquals(0, module.refcount());
        assertEquals(1, dd.refcount());
    }

    @Test
    void theFirstClientAllocatesTheLastFreesAndClientsSpreadOverChannels() {
        engine.registerDevice(dd);
        DmaChan first = engine.requestChannel();
        DmaChan second = engine.requestChannel();
        DmaChan third = engine.requestChannel();

        assertNotSame(first, second, "the least used channel is handed out");
        assertSame(first, third);
        assertEquals(2, engine.clients(first));
        engine.releaseChannel(third);
        engine.releaseChannel(first);
        engine.releaseChannel(second);
        assertEquals(List.of("alloc 0", "alloc 1", "free 0", "free 1"), ops.log);
        assertThrows(IllegalStateException.class, () -> engine.releaseChannel(first));
    }

    @Test
    void consumerCallsGoStraightToTheProvider() {
        engine.registerDevice(dd);
        DmaChan chan = engine.requestChannel();
        byte[] src = {1, 2, 3, 4, 5};
        byte[] dst = new byte[5];

        DmaDescriptor desc = chan.prepMemcpy(dst, src, 5);
        long cookie = chan.submit(desc);
        chan.issuePending();

        assertEquals(DmaStatus.COMPLETE, chan.txStatus(cookie));
        assertArrayEquals(src, dst);
        assertEquals(cookie, desc.cookie());
        assertEquals(List.of("alloc 0", "prep 5", "submit", "issue", "status 1"), ops.log);
        engine.releaseChannel(chan);
    }

    @Test
    void unregisterStopsRequestsButHeldChannelsKeepCallingTheProvider() {
        engine.registerDevice(dd);
        DmaChan chan = engine.requestChannel();

        engine.unregisterDevice(dd);

        assertNull(engine.requestChannel(), "no device, no channel");
        assertEquals(List.of(), engine.devices());
        chan.prepMemcpy(new byte[1], new byte[1], 1);
        assertTrue(ops.log.contains("prep 1"), "the core does not stand between consumer and provider");
        assertEquals(List.of(), released, "the client still holds the device");
        engine.releaseChannel(chan);
        assertEquals(List.of("release"), released, "device_release runs at the last put");
        assertEquals(0, module.refcount());
    }

    @Test
    void aModuleGoingAwayOffersNoChannel() {
        engine.registerDevice(dd);
        assertEquals(0, module.unload());
        assertNull(engine.requestChannel());
        assertEquals(List.of(), ops.log);
    }

    @Test
    void registeringTwiceOrUnregisteringAStrangerIsRefused() {
        assertEquals(0, engine.registerDevice(dd));
        assertEquals(-Errno.EBUSY, engine.registerDevice(dd));
        assertEquals(-Errno.EBUSY, new DmaEngine().registerDevice(dd));
        assertThrows(IllegalStateException.class, () -> new DmaEngine().unregisterDevice(dd));
        assertThrows(IllegalArgumentException.class, () -> new DmaDevice(null, module, ops, 1, null));
    }
}
