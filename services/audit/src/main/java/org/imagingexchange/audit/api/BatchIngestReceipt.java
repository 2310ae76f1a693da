package org.imagingexchange.audit.api;

import org.imagingexchange.audit.domain.BatchIngestEntry;

/**
 * One entry of the answer of {@code POST /api/events/batch} (JSON-B), in the order of the request.
 *
 * @param eventId  the record's event id (empty when it had none)
 * @param status   201 stored by this batch, 200 already stored (nothing written), 400 refused as invalid
 * @param sequence position in the hash chain; 0 when refused
 * @param hash     chain hash (hex SHA-256); empty when refused
 * @param detail   why it was refused (members missing or too long); empty otherwise
 */
public record BatchIngestReceipt(String eventId, int status, long sequence, String hash, String detail) {

    /** @return the receipt of one batch entry */
    public static BatchIngestReceipt of(BatchIngestEntry entry) {
        return entry.stored()
                .map(r -> new BatchIngestReceipt(entry.eventId(), r.created() ? 201 : 200, r.event().sequence(),
                        r.event().hash(), ""))
                .orElseGet(() -> new BatchIngestReceipt(entry.eventId(), 400, 0, "", entry.refusal()));
    }
}
