package org.imagingexchange.audit.domain;

import org.imagingexchange.audit.client.AuditRecord;

/**
 * An audit record as the ledger holds it.
 *
 * @param sequence position in the hash chain, 1 for the first record, without gaps
 * @param record   the normalised record (see {@link AuditRecords#normalize})
 * @param hash     hex SHA-256 stored with the record ({@link HashChain#link})
 */
public record StoredAuditEvent(long sequence, AuditRecord record, String hash) {
}
