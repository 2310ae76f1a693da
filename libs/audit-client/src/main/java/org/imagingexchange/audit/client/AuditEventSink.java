package org.imagingexchange.audit.client;

/**
 * Port: accepts audit records for delivery to the audit service. Implementations are durable: once
 * {@link #record} returns, the record survives a restart and is delivered at least once (the audit
 * service de-duplicates by event id). Thread-safe.
 */
public interface AuditEventSink {

    /**
     * @param record the record; not null
     * @throws AuditUnavailableException (503) when the record could not be made durable
     */
    void record(AuditRecord record);
}
