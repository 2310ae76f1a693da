package org.imagingexchange.audit.api;

import jakarta.json.bind.annotation.JsonbNillable;
import org.imagingexchange.audit.domain.ChainVerification;

/**
 * Answer of {@code GET /api/integrity} (JSON-B; {@code firstBrokenEventId} is written as null when intact).
 *
 * @param verified           records whose hash matched, from the first up to the first broken one
 * @param intact             true when the whole chain and its head match
 * @param firstBrokenEventId event id of the first record that does not match; null when none
 * @param detail             one sentence on the finding
 */
@JsonbNillable
public record IntegrityReport(long verified, boolean intact, String firstBrokenEventId, String detail) {

    /** @return the report of a verification */
    public static IntegrityReport of(ChainVerification v) {
        return new IntegrityReport(v.verified(), v.intact(), v.firstBrokenEventId(), v.detail());
    }
}
