package org.imagingexchange.audit.api;

import org.imagingexchange.audit.domain.IngestResult;

/**
 * Answer of {@code POST /api/events} (JSON-B).
 *
 * @param eventId  the record's event id
 * @param sequence its position in the hash chain
 * @param hash     its chain hash (hex SHA-256)
 * @param created  true when stored by this call (201), false for a duplicate (200)
 */
public record IngestReceipt(String eventId, long sequence, String hash, boolean created) {

    /** @return the receipt of an ingest result */
    public static IngestReceipt of(IngestResult result) {
        return new IngestReceipt(result.event().record().eventId(), result.event().sequence(), result.event().hash(),
                result.created());
    }
}
