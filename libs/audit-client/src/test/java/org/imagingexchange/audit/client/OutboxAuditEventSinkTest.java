package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxAuditEventSinkTest {

    @TempDir
    Path dir;

    private static AuditTransport accepting(List<String> sent) {
        return records -> {
            records.forEach(r -> sent.add(r.eventId()));
            return Collections.nCopies(records.size(), 201);
        };
    }

    @Test
    void record_serviceDownThenRestart_newInstanceDeliversTheRecord() throws IOException {
        OutboxAuditEventSink before = new OutboxAuditEventSink();
        before.open(dir, r -> {
            throw new IllegalStateException("audit service down");
        }, 100);
        before.record(AuditJournalTest.record("survivor"));
        before.deliver();
        before.close();

        List<String> sent = new ArrayList<>();
        OutboxAuditEventSink after = new OutboxAuditEventSink();
        after.open(dir, accepting(sent), 100);
        int delivered = after.deliver();
        after.close();

        assertEquals(1, delivered, "the new instance delivers what the old one wrote");
        assertEquals(List.of("survivor"), sent, "the record survived the restart");
    }

    @Test
    void record_returned_recordIsInTheJournal() throws IOException {
        OutboxAuditEventSink sink = new OutboxAuditEventSink();
        sink.open(dir, r -> List.of(), 100);

        sink.record(AuditJournalTest.record("durable"));
        sink.close();

        try (AuditJournal journal = AuditJournal.open(dir, AuditJournal.DEFAULT_SEGMENT_BYTES)) {
            assertEquals(1, journal.backlog(), "record() returns only once the record is in the journal");
        }
    }

    @Test
    void open_recordFilesOfTheFilePerRecordOutbox_movedIntoTheJournalAndDelivered() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Files.writeString(dir.resolve("01740824130000000-old-1.json"), jsonb.toJson(AuditJournalTest.record("old-1")));
            Files.writeString(dir.resolve("01740824130000001-old-2.json"), jsonb.toJson(AuditJournalTest.record("old-2")));
        }
        List<String> sent = new ArrayList<>();
        OutboxAuditEventSink sink = new OutboxAuditEventSink();
        sink.open(dir, accepting(sent), 100);

        sink.deliver();
        sink.close();

        assertEquals(List.of("old-1", "old-2"), sent, "records of the earlier outbox are delivered, in order");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".json")), "the record files are gone");
        }
    }
}
