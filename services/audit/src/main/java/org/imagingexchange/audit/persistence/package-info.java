/**
 * Persistence layer of the audit service: JPA entities of the append-only trail and its chain head,
 * {@link org.imagingexchange.audit.persistence.JpaAuditLedger} implementing the domain's
 * {@link org.imagingexchange.audit.domain.AuditLedger}, and the Flyway start-up migration.
 */
package org.imagingexchange.audit.persistence;
