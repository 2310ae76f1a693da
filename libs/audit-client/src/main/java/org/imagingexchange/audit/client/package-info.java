/**
 * Audit client (library): the {@link org.imagingexchange.audit.client.Audited} binding, the request-scoped
 * {@link org.imagingexchange.audit.client.AuditedAccess} note, the {@link org.imagingexchange.audit.client.AuditFilter}
 * that turns each audited request into one {@link org.imagingexchange.audit.client.AuditRecord} (IHE BALP), and the
 * {@link org.imagingexchange.audit.client.AuditEventSink} port with its durable file outbox
 * ({@link org.imagingexchange.audit.client.OutboxAuditEventSink}) that delivers to the audit service.
 */
package org.imagingexchange.audit.client;
