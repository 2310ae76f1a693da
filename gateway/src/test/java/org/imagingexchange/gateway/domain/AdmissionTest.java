package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void enter_upToTheLimit_thenWaitsForARelease() throws Exception {
        Admission a = new Admission(2, 10, 10_000);
        Admission.Slot first = a.enter();
        Admission.Slot second = a.enter();
        assertEquals(2, a.inFlight());

        CountDownLatch admitted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (Admission.Slot s = a.enter()) {
                admitted.countDown();
            }
        });
        waiter.start();
        for (int i = 0; i < 100 && a.queued() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, a.queued(), "the third request waits");
        first.close();
        assertTrue(admitted.await(5, TimeUnit.SECONDS), "admitted once a slot is free");
        waiter.join(5000);
        second.close();
        assertEquals(0, a.inFlight());
        assertEquals(0, a.queued());
    }

    @Test
    void enter_queueFull_busyAtOnce() throws Exception {
        Admission a = new Admission(1, 0, 10_000);
        try (Admission.Slot held = a.enter()) {
            GatewayBusyException e = assertThrows(GatewayBusyException.class, a::enter);
            assertEquals(503, e.status());
            assertTrue(e.retryAfterSeconds() >= 1);
        }
    }

    @Test
    void enter_waitTimesOut_busyAndNotCountedAsQueued() {
        Admission a = new Admission(1, 5, 50);
        try (Admission.Slot held = a.enter()) {
            assertThrows(GatewayBusyException.class, a::enter);
            assertEquals(0, a.queued());
        }
        assertEquals(0, a.inFlight());
    }

    @Test
    void slot_closedTwice_releasesOnce() {
        Admission a = new Admission(1, 0, 0);
        Admission.Slot s = a.enter();
        s.close();
        s.close();
        try (Admission.Slot again = a.enter()) {
            assertThrows(GatewayBusyException.class, a::enter, "only one slot exists after a double close");
        }
    }

    @Test
    void noLimit_neverRefuses() {
        Admission a = new Admission(0, 0, 0);
        AtomicReference<Admission.Slot> last = new AtomicReference<>();
        for (int i = 0; i < 1000; i++) {
            last.set(a.enter());
        }
        assertEquals(0, a.inFlight());
    }
}
