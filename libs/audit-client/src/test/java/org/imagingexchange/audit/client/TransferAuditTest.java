package org.imagingexchange.audit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferAuditTest {

    private static final Instant END = Instant.parse("2025-03-01T10:16:00Z");

    private final List<AuditRecord> written = new ArrayList<>();

    private TransferAudit pending() {
        return new TransferAudit(AuditJournalTest.record("e-1"), written::add, Clock.fixed(END, ZoneOffset.UTC));
    }

    @Test
    void succeeded_oneRecordWithSuccessDetailAndEndTime() {
        TransferAudit audit = pending();

        audit.succeeded("source hospital-a: 531980 bytes sent");

        assertEquals(1, written.size(), "one record per access");
        AuditRecord r = written.get(0);
        assertEquals(AuditOutcome.SUCCESS, r.outcome());
        assertEquals("source hospital-a: 531980 bytes sent", r.outcomeDetail());
        assertEquals(END, r.recorded(), "recorded when the transfer ended");
        assertEquals("e-1", r.eventId(), "the event id chosen at the response head");
        assertEquals(audit.head().patients(), r.patients(), "who and what as known at the head");
        assertTrue(audit.ended());
    }

    @Test
    void failed_thenSucceeded_onlyTheFailureIsRecorded() {
        TransferAudit audit = pending();

        audit.failed(AuditOutcome.MINOR_FAILURE, "client disconnected after 65536 bytes");
        audit.succeeded("late");

        assertEquals(1, written.size(), "the record is written once");
        assertEquals(AuditOutcome.MINOR_FAILURE, written.get(0).outcome());
        assertEquals("client disconnected after 65536 bytes", written.get(0).outcomeDetail());
    }

    @Test
    void endOpenTransfer_bodyNeverWritten_seriousFailureRecorded() {
        AuditedAccess access = new AuditedAccess();
        access.transfer(pending());

        access.endOpenTransfer();

        assertEquals(1, written.size(), "a streamed access whose body was never written is still audited");
        assertEquals(AuditOutcome.SERIOUS_FAILURE, written.get(0).outcome());
    }

    @Test
    void endOpenTransfer_alreadyEnded_nothingMore() {
        AuditedAccess access = new AuditedAccess();
        TransferAudit audit = pending();
        access.transfer(audit);
        audit.succeeded("done");

        access.endOpenTransfer();

        assertEquals(1, written.size());
        assertEquals(AuditOutcome.SUCCESS, written.get(0).outcome());
    }
}
