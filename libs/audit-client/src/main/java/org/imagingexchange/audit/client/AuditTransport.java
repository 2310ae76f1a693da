package org.imagingexchange.audit.client;

import java.util.List;

/**
 * Sends a batch of audit records to the audit service ({@code POST /audit/api/events/batch}). Implementations
 * answer one HTTP-like status per record, in order (201 stored, 200 already stored, 400/422 refused as invalid,
 * anything else: not stored); when the service answers the whole batch with an error, every record gets that
 * status. Called from the single delivery thread only.
 */
@FunctionalInterface
public interface AuditTransport {

    /**
     * @param records the records to deliver, oldest first; not empty
     * @return one status per record, in the same order
     * @throws RuntimeException when the service is unreachable or the call fails before an answer
     */
    List<Integer> send(List<AuditRecord> records);
}
