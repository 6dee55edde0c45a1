package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SiteTableTest {

    @Test
    void concurrentRegistrationGivesDistinctIndexesAndReadableSites() throws InterruptedException {
        SiteTable table = new SiteTable();
        int threads = 8;
        int perThread = 3000; // several chunks, and a growth of the chunk directory
        int[][] indexes = new int[threads][perThread];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        int index = table.add(Sites.Kind.OWNED_FIELD_READ, "C" + thread, "m" + i, "C.java", i, "r");
                        indexes[thread][i] = index;
                        Site site = table.get(index); // readable at once, from the registering thread
                        assertEquals("C" + thread, site.className);
                        assertEquals("m" + i, site.methodName);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertNull(failure.get());
        Set<Integer> seen = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertTrue(seen.add(indexes[t][i]));
                Site site = table.get(indexes[t][i]);
                assertEquals("C" + t, site.className);
                assertEquals(i, site.line);
            }
        }
        assertEquals(threads * perThread, table.size());
        assertEquals(threads * perThread, seen.size());
    }

    @Test
    void unknownIndexYieldsAPlaceholder() {
        SiteTable table = new SiteTable();
        assertSame(Site.UNKNOWN, table.get(0));
        assertSame(Site.UNKNOWN, table.get(-1));
        assertSame(Site.UNKNOWN, table.get(1 << 30));
    }

    @Test
    void registerRejectsMissingNamesNamingTheOffender() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sites.register(Sites.Kind.OWNED_CALL, null, "run", null, -1, "r"));
        assertTrue(e.getMessage().contains("className is null or empty") && e.getMessage().contains("run"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sites.register(null, "C", "m", null, -1, "r"));
        assertTrue(e.getMessage().contains("kind is null"), e.getMessage());
    }

    @Test
    void lifecycleSiteWithoutNameIsNamedAfterItsMethod() {
        int site = Sites.register(Sites.Kind.LIFECYCLE, "a.File", "unlocked_ioctl", null, -1, "");
        assertEquals("unlocked_ioctl", SiteTable.INSTANCE.get(site).resource);
        assertEquals("a.File.unlocked_ioctl(Unknown Source)", SiteTable.INSTANCE.get(site).location());
    }
}
