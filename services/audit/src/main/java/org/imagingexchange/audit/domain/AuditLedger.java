package org.imagingexchange.audit.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.imagingexchange.audit.client.AuditRecord;

/**
 * Port: the append-only store of the trail. Implementations serialise appends (one chain, no forks)
 * and never update or delete a stored record. Thread-safe.
 */
public interface AuditLedger {

    /**
     * Appends the record at the end of the chain unless its event id is already stored. Runs in one
     * transaction holding the chain-head lock, so concurrent appends get consecutive sequences.
     *
     * @param record normalised, valid record
     * @param link   computes the record's hash from the previous record's hash
     * @return the result; {@code created == false} with the stored event for a known event id
     */
    IngestResult append(AuditRecord record, UnaryOperator<String> link);

    /**
     * Appends the records in order at the end of the chain, in one transaction holding the chain-head lock
     * once, skipping event ids already stored (also repeats within the list). Either all new records are
     * stored or none.
     *
     * @param records normalised, valid records, oldest first
     * @param link    computes a record's hash from the previous record's hash and the record
     * @return one result per record, in order; {@code created == false} with the stored event for a known id
     */
    List<IngestResult> appendAll(List<AuditRecord> records, BiFunction<String, AuditRecord, String> link);

    /** @return the stored event with this id; empty when unknown */
    Optional<StoredAuditEvent> find(String eventId);

    /** @return one page of matching events, newest {@code recorded} first (ties: later sequence first) */
    List<StoredAuditEvent> search(AuditQuery query);

    /** @return the number of events matching the query, ignoring offset and count */
    long count(AuditQuery query);

    /** @return the current end of the chain */
    ChainHead head();

    /**
     * @param afterSequence return events with a larger sequence
     * @param upToSequence  and at most this sequence
     * @param max           at most this many
     * @return events in ascending sequence order
     */
    List<StoredAuditEvent> chainSlice(long afterSequence, long upToSequence, int max);
}
