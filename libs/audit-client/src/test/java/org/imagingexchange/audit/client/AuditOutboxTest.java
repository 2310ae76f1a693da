package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditOutboxTest {

    @TempDir
    Path dir;

    static AuditRecord record(String eventId) {
        return new AuditRecord(eventId, Instant.parse("2025-03-01T10:15:30.123456Z"), BalpPattern.PATIENT_READ,
                AuditOutcome.SUCCESS, "", "study-registry", "cid-1",
                new AuditRecord.Agent("sub-1", "radiologist-a", "exchange-cli", "hospital-a", "NL", "TREAT"),
                List.of(new AuditRecord.PatientRef("1CT1", "urn:oid:1.2.3")),
                List.of(new AuditRecord.EntityRef("ImagingStudy", "1.2.840.1", "CT")));
    }

    @Test
    void append_record_readsBackEqual() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        AuditRecord record = record(UUID.randomUUID().toString());

        Path file = outbox.append(record);

        assertEquals(List.of(file), outbox.pending(), "the record file is the one pending file");
        assertEquals(record, outbox.read(file), "the file holds the record unchanged");
    }

    @Test
    void pending_severalAppends_inAppendOrder() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        List<String> ids = List.of("c-3", "a-1", "b-2", "0-0");
        for (String id : ids) {
            outbox.append(record(id));
        }

        List<String> read = outbox.pending().stream().map(f -> read(outbox, f).eventId()).toList();

        assertEquals(ids, read, "pending files come back in the order they were appended");
    }

    @Test
    void append_frozenClock_namesStillStrictlyIncreasing() throws IOException {
        Clock frozen = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);
        AuditOutbox outbox = new AuditOutbox(dir, frozen);

        String first = outbox.append(record("x")).getFileName().toString();
        String second = outbox.append(record("y")).getFileName().toString();

        assertTrue(first.compareTo(second) < 0, "names sort by append order even within one microsecond: "
                + first + " < " + second);
        assertTrue(first.startsWith("01740824130000000-"), "name starts with the zero-padded microsecond stamp: " + first);
    }

    @Test
    void pending_namesFromLaterClock_sortAfterEarlierOnes() throws IOException {
        AuditOutbox early = new AuditOutbox(dir, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
        early.append(record("early"));
        AuditOutbox late = new AuditOutbox(dir, Clock.fixed(Instant.parse("2031-03-01T10:00:00Z"), ZoneOffset.UTC));
        late.append(record("late"));

        List<String> read = late.pending().stream().map(f -> read(late, f).eventId()).toList();

        assertEquals(List.of("early", "late"), read, "file names sort by time");
    }

    @Test
    void delete_deliveredFile_noLongerPending() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        Path first = outbox.append(record("first"));
        outbox.append(record("second"));

        outbox.delete(first);

        assertEquals(1, outbox.backlog(), "one file left");
        assertEquals("second", outbox.read(outbox.pending().get(0)).eventId(), "the undelivered record stays");
    }

    @Test
    void constructor_leftoverTempFile_removedAndNotPending() throws IOException {
        Files.writeString(dir.resolve("00000000000000001-half.tmp"), "{\"eventId\":");

        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());

        assertEquals(0, outbox.backlog(), "a half-written temp file is never delivered");
        assertTrue(Files.notExists(dir.resolve("00000000000000001-half.tmp")), "the temp file is cleaned up");
    }

    @Test
    void reject_invalidRecord_keptAsideNotPending() throws IOException {
        AuditOutbox outbox = new AuditOutbox(dir, Clock.systemUTC());
        Path file = outbox.append(record("bad"));

        Path aside = outbox.reject(file);

        assertEquals(0, outbox.backlog(), "the rejected record leaves the queue");
        assertTrue(Files.exists(aside), "the rejected record is kept on disk");
    }

    private static AuditRecord read(AuditOutbox outbox, Path file) {
        try {
            return outbox.read(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
