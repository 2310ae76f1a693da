package org.imagingexchange.audit.domain;

import java.util.Optional;

/**
 * Outcome of one record of a batch ingest ({@link AuditTrail#ingestAll}).
 *
 * @param eventId  the record's event id as received; empty when the record had none
 * @param stored   the stored event and whether this batch created it; empty when the record was refused
 * @param refusal  why the record was refused (the problem detail of {@link InvalidAuditRecordException});
 *                 empty when stored
 */
public record BatchIngestEntry(String eventId, Optional<IngestResult> stored, String refusal) {
}
