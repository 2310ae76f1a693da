package org.imagingexchange.audit.client;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pending audit record of one streamed access ({@link AuditedTransfer}): built at the response head by the
 * {@link AuditFilter} (who, what, which patients), written to the {@link AuditEventSink} when the transfer ends,
 * with its outcome. Ends once: later calls are ignored. If the request ends without the transfer having ended
 * (the body was never written), {@link AuditedAccess} ends it as a serious failure. Thread-safe.
 */
public final class TransferAudit {

    private final AuditRecord head;
    private final AuditEventSink sink;
    private final Clock clock;
    private final AtomicBoolean ended = new AtomicBoolean();

    /**
     * Built by the {@link AuditFilter}; public so that tests of {@link AuditedTransfer} entities can end one.
     *
     * @param head  the record as known at the response head (outcome success, detail of the resource)
     * @param sink  where the record goes
     * @param clock time of the end (AuditEvent.recorded)
     */
    public TransferAudit(AuditRecord head, AuditEventSink sink, Clock clock) {
        this.head = head;
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Records the access as complete. Returns once the record is durable.
     *
     * @param detail e.g. {@code source hospital-a: 531980 bytes sent}
     * @throws AuditUnavailableException (503) when the record cannot be made durable
     */
    public void succeeded(String detail) {
        end(AuditOutcome.SUCCESS, detail);
    }

    /**
     * Records the access as failed (transfer broken off). Returns once the record is durable.
     *
     * @param outcome {@link AuditOutcome#SERIOUS_FAILURE} when the platform or the source failed,
     *                {@link AuditOutcome#MINOR_FAILURE} when the client went away
     * @param detail  what happened, e.g. {@code client disconnected after 65536 bytes}
     * @throws AuditUnavailableException (503) when the record cannot be made durable
     */
    public void failed(AuditOutcome outcome, String detail) {
        end(outcome, detail);
    }

    /** @return true once the record was handed to the sink */
    public boolean ended() {
        return ended.get();
    }

    /** @return the record as known at the response head */
    AuditRecord head() {
        return head;
    }

    private void end(AuditOutcome outcome, String detail) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        sink.record(new AuditRecord(head.eventId(), Instant.now(clock), head.pattern(), outcome,
                detail == null ? head.outcomeDetail() : detail, head.source(), head.correlationId(), head.agent(),
                head.patients(), head.entities()));
    }
}
