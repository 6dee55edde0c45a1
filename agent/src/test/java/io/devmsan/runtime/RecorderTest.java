package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecorderTest extends RuntimeTest {

    private final Thing device = new Thing("xyz.0");

    private Context deadContext() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        Model.unbind(device);
        return context.get();
    }

    @Test
    void thirtyTwoThreadsLoseNoCount() throws Exception {
        Context context = deadContext();
        int threads = 32;
        int perThread = 100_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        context.readRegs();
                        if (i % 2 == 0) {
                            context.writeRegs(i);
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "worker-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertNull(failure.get());
        List<Violation> violations = Devmsan.violations();
        assertEquals(2, violations.size());
        assertEquals((long) threads * perThread, violations.get(0).count());
        assertEquals((long) threads * perThread / 2, violations.get(1).count());
        // One report per fingerprint, however many threads raced for the first occurrence.
        assertEquals(2, occurrences(console(), "BUG: devmsan:"));
    }

    @Test
    void snapshotSinceCountsOnlyNewOccurrences() {
        Context context = deadContext();
        context.readRegs();
        context.readRegs();
        Devmsan.Snapshot snapshot = Devmsan.snapshot();
        assertEquals(List.of(), Devmsan.since(snapshot));

        context.writeRegs(1);
        context.readRegs();
        context.writeRegs(2);
        List<Violation> since = Devmsan.since(snapshot);
        assertEquals(2, since.size());
        // First-seen order: the read was seen (before the snapshot) before the write.
        assertEquals("read", since.get(0).accessKind());
        assertEquals(1, since.get(0).count());
        assertEquals("write", since.get(1).accessKind());
        assertEquals(2, since.get(1).count());
        assertEquals(3, Devmsan.violations().get(0).count());
    }

    @Test
    void distinctFingerprintsBeyondTheCapAreCountedAsOverflow() {
        Core.resetForTests(config(), false, 3);
        Context context = deadContext();
        for (int i = 0; i < 10; i++) {
            int site = Sites.register(Sites.Kind.OWNED_FIELD_READ, "com.example.Many", "m" + i, null, -1, "r" + i);
            DevmsanRuntime.checkOwned(context.devmsan$owner, site);
            DevmsanRuntime.checkOwned(context.devmsan$owner, site);
        }
        List<Violation> violations = Devmsan.violations();
        assertEquals(3, violations.size());
        assertEquals(List.of("r0", "r1", "r2"), violations.stream().map(Violation::resource).toList());
        assertEquals(14, Core.recorder().overflow());
        assertEquals(20, Core.recorder().total());
    }

    @Test
    void racingFirstOccurrencesKeepOneDetailRecord() {
        Recorder recorder = new Recorder(10);
        Context context = deadContext();
        context.readRegs();
        RecordedViolation first = (RecordedViolation) Devmsan.violations().get(0);
        RecordedViolation twin = first.withCount(1);
        assertSame(twin, recorder.record(twin));
        assertSame(twin, recorder.record(first), "a loser gets the winner's details");
        assertEquals(2, recorder.all().get(0).count());
    }

    @Test
    void violationsAreEqualPerFingerprint() {
        Context context = deadContext();
        context.readRegs();
        Violation v = Devmsan.violations().get(0);
        context.readRegs();
        Violation later = Devmsan.violations().get(0);
        assertEquals(v, later);
        assertEquals(v.hashCode(), later.hashCode());
        assertTrue(later.count() > v.count());
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
