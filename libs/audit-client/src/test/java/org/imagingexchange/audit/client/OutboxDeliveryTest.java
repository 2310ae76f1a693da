package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDeliveryTest {

    @TempDir
    Path dir;

    AuditJournal journal;

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

    @BeforeEach
    void openJournal() {
        journal = AuditJournal.open(dir, AuditJournal.DEFAULT_SEGMENT_BYTES);
    }

    @AfterEach
    void closeJournal() throws IOException {
        journal.close();
    }

    private void append(String... ids) throws IOException {
        for (String id : ids) {
            journal.append(AuditJournalTest.record(id));
        }
    }

    private static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::eventId).toList();
    }

    @Test
    void deliverPending_fiveRecordsBatchOfTwo_threeCallsInOrderAllDelivered() throws IOException {
        append("one", "two", "three", "four", "five");
        List<List<String>> calls = new ArrayList<>();
        OutboxDelivery delivery = new OutboxDelivery(journal, records -> {
            calls.add(ids(records));
            return Collections.nCopies(records.size(), calls.size() == 2 ? 200 : 201);
        }, Clock.systemUTC(), 2);

        int delivered = delivery.deliverPending();

        assertEquals(5, delivered, "all five delivered");
        assertEquals(List.of(List.of("one", "two"), List.of("three", "four"), List.of("five")), calls,
                "batches of at most two, oldest first");
        assertEquals(0, journal.backlog(), "nothing pending (200 duplicate counts as delivered)");
        assertEquals(List.of(), journal.read(journal.deliveredUpTo(), 10), "the marker is past every record");
    }

    @Test
    void deliverPending_serviceDown_keepsRecordsAndBacksOffThenDelivers() throws IOException {
        append("one", "two");
        ManualClock clock = new ManualClock();
        boolean[] up = {false};
        List<String> sent = new ArrayList<>();
        OutboxDelivery delivery = new OutboxDelivery(journal, records -> {
            if (!up[0]) {
                throw new IllegalStateException("connection refused");
            }
            sent.addAll(ids(records));
            return Collections.nCopies(records.size(), 201);
        }, clock, 100);

        assertEquals(0, delivery.deliverPending(), "nothing delivered while the service is down");
        assertEquals(2, journal.backlog(), "no record is lost");
        assertTrue(delivery.backingOff(), "a failure starts a back-off");
        up[0] = true;
        assertEquals(0, delivery.deliverPending(), "no attempt during the back-off");
        clock.now = clock.now.plus(Duration.ofSeconds(2));

        assertEquals(2, delivery.deliverPending(), "delivered after the back-off");
        assertEquals(List.of("one", "two"), sent, "order kept across the outage");
        assertFalse(delivery.backingOff(), "success clears the back-off");
    }

    @Test
    void deliverPending_serverErrorOnSecondRecord_markerStopsBeforeItAndItIsSentAgain() throws IOException {
        append("one", "two", "three");
        List<Integer> answer = List.of(201, 503, 201);
        List<List<String>> calls = new ArrayList<>();
        ManualClock clock = new ManualClock();
        OutboxDelivery delivery = new OutboxDelivery(journal, records -> {
            calls.add(ids(records));
            return calls.size() == 1 ? answer : Collections.nCopies(records.size(), 201);
        }, clock, 100);

        assertEquals(1, delivery.deliverPending(), "only the record before the failure counts as delivered");
        assertEquals(2, journal.backlog(), "the failed record and the one after it stay pending");
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        delivery.deliverPending();

        assertEquals(List.of("two", "three"), calls.get(1), "the next pass starts at the failed record, in order");
        assertEquals(0, journal.backlog());
    }

    @Test
    void deliverPending_recordRefusedAsInvalid_setAsideAndQueueContinues() throws IOException {
        append("bad", "good");
        OutboxDelivery delivery = new OutboxDelivery(journal,
                records -> records.stream().map(r -> r.eventId().equals("bad") ? 400 : 201).toList(), Clock.systemUTC(), 100);

        int delivered = delivery.deliverPending();

        assertEquals(2, delivered, "the refused record leaves the queue, the next one is delivered");
        assertEquals(0, journal.backlog(), "nothing pending");
        String kept = Files.readString(dir.resolve(AuditJournal.REJECTED_DIR).resolve(AuditJournal.REFUSED_FILE));
        assertTrue(kept.contains("\"eventId\":\"bad\"") && !kept.contains("\"eventId\":\"good\""),
                "only the refused record is kept aside: " + kept);
    }

    @Test
    void deliverPending_wrongNumberOfStatuses_nothingMarkedDelivered() throws IOException {
        append("one", "two");
        OutboxDelivery delivery = new OutboxDelivery(journal, records -> List.of(201), new ManualClock(), 100);

        assertEquals(0, delivery.deliverPending());
        assertEquals(2, journal.backlog(), "an answer that does not match the batch delivers nothing");
        assertTrue(delivery.backingOff());
    }
}
