package org.imagingexchange.audit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.imagingexchange.audit.client.AuditRecord;

/** Test double of the ledger port: a list, so tests can tamper with it. */
class InMemoryAuditLedger implements AuditLedger {

    final List<StoredAuditEvent> rows = new ArrayList<>();
    ChainHead head = new ChainHead(0, HashChain.GENESIS);

    @Override
    public synchronized IngestResult append(AuditRecord record, UnaryOperator<String> link) {
        Optional<StoredAuditEvent> existing = find(record.eventId());
        if (existing.isPresent()) {
            return new IngestResult(existing.get(), false);
        }
        StoredAuditEvent e = new StoredAuditEvent(head.sequence() + 1, record, link.apply(head.hash()));
        rows.add(e);
        head = new ChainHead(e.sequence(), e.hash());
        return new IngestResult(e, true);
    }

    /** Counts batch calls, so tests can tell one batch from N single appends. */
    int batches;

    @Override
    public synchronized List<IngestResult> appendAll(List<AuditRecord> records, BiFunction<String, AuditRecord, String> link) {
        batches++;
        List<IngestResult> results = new ArrayList<>();
        for (AuditRecord record : records) {
            results.add(append(record, previous -> link.apply(previous, record)));
        }
        return results;
    }

    @Override
    public Optional<StoredAuditEvent> find(String eventId) {
        return rows.stream().filter(r -> r.record().eventId().equals(eventId)).findFirst();
    }

    @Override
    public List<StoredAuditEvent> search(AuditQuery query) {
        return rows.stream().filter(r -> query.patientId() == null
                || r.record().patients().stream().anyMatch(p -> p.id().equals(query.patientId()))).toList();
    }

    @Override
    public long count(AuditQuery query) {
        return search(query).size();
    }

    @Override
    public ChainHead head() {
        return head;
    }

    @Override
    public List<StoredAuditEvent> chainSlice(long afterSequence, long upToSequence, int max) {
        return rows.stream().filter(r -> r.sequence() > afterSequence && r.sequence() <= upToSequence).limit(max).toList();
    }
}
