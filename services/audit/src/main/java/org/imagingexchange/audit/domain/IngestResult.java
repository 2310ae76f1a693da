package org.imagingexchange.audit.domain;

/**
 * Outcome of an ingest.
 *
 * @param event   the stored event (the earlier one for a duplicate)
 * @param created true when this call stored it, false when the event id was already in the trail
 */
public record IngestResult(StoredAuditEvent event, boolean created) {
}
