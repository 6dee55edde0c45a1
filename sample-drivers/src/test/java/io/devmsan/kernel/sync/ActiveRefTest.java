package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ActiveRefTest {

    private final ActiveRef active = new ActiveRef("cdev");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void killAndDrainWaitsForTheUsersInsideAndRefusesNewOnes() throws InterruptedException {
        assertTrue(active.tryGet());
        Thread remover = Await.start("remove", () -> {
            active.killAndDrain();
            log.add("drained");
        });
        Await.until(active::isDead, "the kill");
        Await.blocked(remover);
        assertFalse(active.tryGet(), "no new users once killed");
        assertEquals(List.of(), log);

        log.add("user out");
        active.put();

        Await.joined(remover);
        assertEquals(List.of("user out", "drained"), log);
        assertEquals(0, active.count());
    }

    @Test
    void drainIsImmediateWithoutUsers() {
        active.killAndDrain();
        assertTrue(active.isDead());
        assertFalse(active.tryGet());
    }

    @Test
    void aTimedDrainReportsUsersStillInside() {
        assertTrue(active.tryGet());
        active.kill();
        assertFalse(active.awaitDrained(20));
        active.put();
        assertTrue(active.awaitDrained(10_000));
    }

    @Test
    void misuseIsReported() {
        active.kill();
        assertThrows(IllegalStateException.class, active::kill);
        assertThrows(IllegalStateException.class, active::put);
    }
}
