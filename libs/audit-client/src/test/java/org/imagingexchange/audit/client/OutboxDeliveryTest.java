package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDeliveryTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void deliverPending_allAccepted_sentInOrderAndDeleted() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        outbox.append(AuditOutboxTest.record("one"));
        outbox.append(AuditOutboxTest.record("two"));
        outbox.append(AuditOutboxTest.record("three"));
        List<String> sent = new ArrayList<>();
        OutboxDelivery delivery = new OutboxDelivery(outbox, r -> {
            sent.add(r.eventId());
            return sent.size() == 2 ? 200 : 201;
        }, Clock.systemUTC());

        int delivered = delivery.deliverPending();

        assertEquals(3, delivered, "all three delivered");
        assertEquals(List.of("one", "two", "three"), sent, "sent oldest first");
        assertEquals(0, outbox.backlog(), "delivered files are deleted (200 duplicate counts as delivered)");
    }

    @Test
    void deliverPending_serviceDown_keepsFilesAndBacksOffThenDelivers() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        outbox.append(AuditOutboxTest.record("one"));
        outbox.append(AuditOutboxTest.record("two"));
        ManualClock clock = new ManualClock();
        boolean[] up = {false};
        List<String> sent = new ArrayList<>();
        OutboxDelivery delivery = new OutboxDelivery(outbox, r -> {
            if (!up[0]) {
                throw new IllegalStateException("connection refused");
            }
            sent.add(r.eventId());
            return 201;
        }, clock);

        assertEquals(0, delivery.deliverPending(), "nothing delivered while the service is down");
        assertEquals(2, outbox.backlog(), "no record is lost");
        assertTrue(delivery.backingOff(), "a failure starts a back-off");
        up[0] = true;
        assertEquals(0, delivery.deliverPending(), "no attempt during the back-off");
        clock.now = clock.now.plus(Duration.ofSeconds(2));

        assertEquals(2, delivery.deliverPending(), "delivered after the back-off");
        assertEquals(List.of("one", "two"), sent, "order kept across the outage");
        assertFalse(delivery.backingOff(), "success clears the back-off");
    }

    @Test
    void deliverPending_serverError_stopsAtFailingRecordKeepingOrder() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        outbox.append(AuditOutboxTest.record("one"));
        outbox.append(AuditOutboxTest.record("two"));
        List<String> sent = new ArrayList<>();
        OutboxDelivery delivery = new OutboxDelivery(outbox, r -> {
            sent.add(r.eventId());
            return 503;
        }, new ManualClock());

        delivery.deliverPending();

        assertEquals(List.of("one"), sent, "the pass stops at the first failure so later records do not overtake");
        assertEquals(2, outbox.backlog(), "both records stay pending");
    }

    @Test
    void deliverPending_recordRefusedAsInvalid_setAsideAndQueueContinues() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        outbox.append(AuditOutboxTest.record("bad"));
        outbox.append(AuditOutboxTest.record("good"));
        OutboxDelivery delivery = new OutboxDelivery(outbox, r -> r.eventId().equals("bad") ? 400 : 201,
                Clock.systemUTC());

        int delivered = delivery.deliverPending();

        assertEquals(2, delivered, "the refused record leaves the queue, the next one is delivered");
        assertEquals(0, outbox.backlog(), "nothing pending");
        assertTrue(dir.resolve(AuditOutbox.REJECTED_DIR).toFile().list().length == 1, "the refused record is kept aside");
    }
}
