package org.imagingexchange.audit.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.kit.context.Actor;

/**
 * The audit trail's use cases: ingest (idempotent by event id, appended to the hash chain), search and
 * read under {@link AccessLogPolicy}, and verification of the chain. Thread-safe (state is in the ledger).
 */
@ApplicationScoped
public class AuditTrail {

    /** Records fetched per step while verifying the chain. */
    static final int VERIFY_SLICE = 500;

    private final AuditLedger ledger;

    /** @param ledger the store */
    @Inject
    public AuditTrail(AuditLedger ledger) {
        this.ledger = ledger;
    }

    /** CDI proxy constructor. */
    protected AuditTrail() {
        this(null);
    }

    /**
     * @param record the record as received
     * @return the stored event and whether this call created it
     * @throws InvalidAuditRecordException (400) when required members are missing or too long
     */
    public IngestResult ingest(AuditRecord record) {
        AuditRecord normalized = AuditRecords.validate(record);
        return ledger.append(normalized, previous -> HashChain.link(previous, normalized));
    }

    /**
     * Ingests a batch: every valid record is appended to the chain in one transaction (duplicates by event id
     * are acknowledged, not stored again); invalid records are refused one by one without holding back the
     * others.
     *
     * @param records the records as received, oldest first; elements may be null (refused)
     * @return one entry per record, in order
     */
    public List<BatchIngestEntry> ingestAll(List<AuditRecord> records) {
        List<AuditRecord> valid = new ArrayList<>(records.size());
        List<BatchIngestEntry> refused = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            try {
                valid.add(AuditRecords.validate(record));
                refused.add(null);
            } catch (InvalidAuditRecordException e) {
                refused.add(new BatchIngestEntry(record == null || record.eventId() == null ? "" : record.eventId(),
                        Optional.empty(), e.getMessage()));
            }
        }
        List<IngestResult> stored = valid.isEmpty() ? List.of() : ledger.appendAll(valid, HashChain::link);
        List<BatchIngestEntry> entries = new ArrayList<>(records.size());
        int next = 0;
        for (BatchIngestEntry refusal : refused) {
            if (refusal != null) {
                entries.add(refusal);
            } else {
                IngestResult result = stored.get(next++);
                entries.add(new BatchIngestEntry(result.event().record().eventId(), Optional.of(result), ""));
            }
        }
        return entries;
    }

    /**
     * @param actor     the verified caller
     * @param requested the search as sent
     * @return one page, newest first, scoped to what the caller may see
     * @throws AccessLogDeniedException (403) see {@link AccessLogPolicy#scope}
     */
    public AuditPage search(Actor actor, AuditQuery requested) {
        AuditQuery query = AccessLogPolicy.scope(actor, requested);
        long total = ledger.count(query);
        List<StoredAuditEvent> events = query.count() == 0 || query.offset() >= total ? List.of() : ledger.search(query);
        return new AuditPage(total, events.stream().map(e -> AccessLogPolicy.visibleTo(actor, e)).toList(), query);
    }

    /**
     * @param actor   the verified caller
     * @param eventId the event id
     * @return the event
     * @throws AuditEventNotFoundException (404) when unknown or not visible to the caller
     */
    public StoredAuditEvent read(Actor actor, String eventId) {
        return ledger.find(eventId).filter(e -> AccessLogPolicy.mayRead(actor, e))
                .map(e -> AccessLogPolicy.visibleTo(actor, e))
                .orElseThrow(() -> new AuditEventNotFoundException(eventId));
    }

    /** @return the result of recomputing every hash from the first record to the chain head */
    public ChainVerification verify() {
        ChainHead head = ledger.head();
        String previous = HashChain.GENESIS;
        long verified = 0;
        while (verified < head.sequence()) {
            List<StoredAuditEvent> slice;
            try {
                slice = ledger.chainSlice(verified, head.sequence(), VERIFY_SLICE);
            } catch (CorruptAuditEventException e) {
                return new ChainVerification(verified, false, e.eventId(), e.detail());
            }
            if (slice.isEmpty()) {
                break;
            }
            for (StoredAuditEvent event : slice) {
                long expected = verified + 1;
                if (event.sequence() != expected) {
                    return new ChainVerification(verified, false, event.record().eventId(),
                            "Records " + expected + " to " + (event.sequence() - 1) + " are missing.");
                }
                if (!HashChain.link(previous, event.record()).equals(event.hash())) {
                    return new ChainVerification(verified, false, event.record().eventId(),
                            "The stored hash of record " + expected + " does not match its content.");
                }
                previous = event.hash();
                verified++;
            }
        }
        if (verified != head.sequence() || !previous.equals(head.hash())) {
            return new ChainVerification(verified, false, null,
                    "The chain head (record " + head.sequence() + ") does not match the stored records.");
        }
        return new ChainVerification(verified, true, null, "All " + verified + " records match the hash chain.");
    }
}
