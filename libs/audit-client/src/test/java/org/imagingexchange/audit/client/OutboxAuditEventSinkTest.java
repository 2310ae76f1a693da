package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxAuditEventSinkTest {

    @TempDir
    Path dir;

    @Test
    void record_serviceDownThenRestart_newInstanceDeliversTheRecord() {
        OutboxAuditEventSink before = new OutboxAuditEventSink();
        before.open(dir, r -> {
            throw new IllegalStateException("audit service down");
        });
        before.record(AuditOutboxTest.record("survivor"));
        before.deliver();

        List<String> sent = new ArrayList<>();
        OutboxAuditEventSink after = new OutboxAuditEventSink();
        after.open(dir, r -> {
            sent.add(r.eventId());
            return 201;
        });
        int delivered = after.deliver();

        assertEquals(1, delivered, "the new instance delivers what the old one wrote");
        assertEquals(List.of("survivor"), sent, "the record survived the restart");
    }

    @Test
    void record_returned_recordIsOnDisk() {
        OutboxAuditEventSink sink = new OutboxAuditEventSink();
        sink.open(dir, r -> 201);

        sink.record(AuditOutboxTest.record("durable"));

        assertEquals(1, new AuditOutbox(dir, java.time.Clock.systemUTC()).backlog(),
                "record() returns only once the file is in the outbox");
    }
}
