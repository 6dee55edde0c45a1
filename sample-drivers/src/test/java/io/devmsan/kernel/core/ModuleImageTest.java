package io.devmsan.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Mutex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** The module image on the model alone: init, static data, a fini that may refuse, the unmap. */
class ModuleImageTest {

    /** Module code that defines two statics and a mutex, and logs its entry points. */
    private static final class LoggingModule implements ModuleCode {
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<Object> statics = new ArrayList<>();
        Mutex mutex;
        int initResult;
        IntSupplier fini = () -> 0;

        @Override
        public int init(ModuleImage image) {
            log.add("init");
            statics.add(image.define(() -> new StringBuilder("counter")));
            statics.add(image.define(Object::new));
            mutex = image.defineMutex("lock");
            return initResult;
        }

        @Override
        public int fini(ModuleImage image) {
            log.add("fini");
            return fini.getAsInt();
        }
    }

    @Test
    void loadRunsInitAndUnloadAsksFiniThenFreesEveryStatic() {
        LoggingModule code = new LoggingModule();
        ModuleImage image = ModuleImage.load("logging", code);
        assertTrue(image.isLive());
        assertEquals("module logging", image.toString());
        assertEquals(List.of("init"), code.log);

        long freedBefore = Slab.freed();
        assertEquals(0, image.unload());

        assertEquals(List.of("init", "fini"), code.log);
        assertFalse(image.isLive());
        assertEquals(freedBefore + code.statics.size(), Slab.freed(), "every static object is freed by the unmap");
    }

    @Test
    void aFiniThatRefusesKeepsTheImageMapped() {
        LoggingModule code = new LoggingModule();
        code.fini = () -> -Errno.EBUSY;
        ModuleImage image = ModuleImage.load("refusing", code);
        long freedBefore = Slab.freed();

        assertEquals(-Errno.EBUSY, image.unload());

        assertTrue(image.isLive());
        assertEquals(freedBefore, Slab.freed(), "nothing was freed");
        code.fini = () -> 0;
        assertEquals(0, image.unload());
        assertEquals(-Errno.ENOENT, image.unload(), "a second unload finds nothing loaded");
    }

    @Test
    void aFailedInitUnmapsTheImageAndFailsTheLoad() {
        LoggingModule code = new LoggingModule();
        code.initResult = -Errno.ENOMEM;
        long freedBefore = Slab.freed();

        ErrnoException failure = assertThrows(ErrnoException.class, () -> ModuleImage.load("failing", code));

        assertEquals(-Errno.ENOMEM, failure.errno());
        assertEquals(freedBefore + 2, Slab.freed(), "what init defined is unmapped again");
        assertEquals(List.of("init"), code.log, "fini never runs for an image that did not load");
    }

    @Test
    void onlyTheInitDefinesStaticData() {
        LoggingModule code = new LoggingModule();
        ModuleImage image = ModuleImage.load("late", code);
        assertThrows(IllegalStateException.class, () -> image.define(Object::new));
        assertThrows(IllegalStateException.class, () -> image.defineMutex("late"));
        assertSame(code.statics.get(1).getClass(), Object.class);
        image.unload();
    }

    @Test
    void aMutexTheUnloaderStillHoldsIsReleasedByTheUnmapAndAWaiterGoesOn() throws Exception {
        LoggingModule code = new LoggingModule();
        ModuleImage image = ModuleImage.load("holding", code);
        CountDownLatch decide = new CountDownLatch(1);
        code.fini = () -> {
            code.mutex.lock();
            try {
                assertTrue(decide.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        };
        Thread unloader = Await.start("rmmod", () -> code.log.add("unload " + image.unload()));
        Await.until(code.mutex::isLocked, "the fini to take the mutex");
        Thread waiter = Await.start("waiter", () -> {
            code.mutex.lock();
            code.log.add("waiter has the mutex, image live: " + image.isLive());
            code.mutex.unlock();
        });
        Await.blocked(waiter);
        decide.countDown();

        Await.joined(unloader);
        Await.joined(waiter);
        assertTrue(code.log.contains("waiter has the mutex, image live: false"), code.log.toString());
        assertTrue(code.log.contains("unload 0"), code.log.toString());
        assertFalse(code.mutex.isLocked());
    }

    @Test
    void badArgumentsAreRefusedWithAMessageNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleImage.load("", new LoggingModule()));
        assertTrue(e.getMessage().contains("non-empty name"), e.getMessage());
    }
}
