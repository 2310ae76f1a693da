package org.imagingexchange.audit.client;

/**
 * Sends one audit record to the audit service. Implementations answer with the HTTP status (or throw
 * when the service could not be reached); the outbox decides what a status means. Called from the
 * single delivery thread only.
 */
@FunctionalInterface
public interface AuditTransport {

    /**
     * @param record the record to deliver; not null
     * @return the HTTP status of {@code POST /audit/api/events}
     * @throws RuntimeException when the service is unreachable or the call fails before a status
     */
    int send(AuditRecord record);
}
