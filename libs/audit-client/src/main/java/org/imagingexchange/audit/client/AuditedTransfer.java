package org.imagingexchange.audit.client;

/**
 * A response entity whose access ends only when its body has been written (a streamed retrieval): for such an
 * entity the {@link AuditFilter} writes no record at the response head but hands the entity a
 * {@link TransferAudit}, which the entity ends once, with the real outcome of the transfer (complete, source
 * broke off, client disconnected), before it returns from writing the body.
 */
public interface AuditedTransfer {

    /**
     * Called by the audit filter once, before the body is written.
     *
     * @param audit the record of this access, to be ended by the entity; not null
     */
    void auditWith(TransferAudit audit);
}
