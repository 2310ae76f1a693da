/**
 * Domain layer of the audit service: validation and normalisation of incoming audit records, the
 * canonical JSON and SHA-256 hash chain that make the trail tamper-evident, the search criteria and
 * the access rule of the patient access log, and the {@link org.imagingexchange.audit.domain.AuditLedger}
 * port the persistence layer implements. Imports no JAX-RS or JPA.
 */
package org.imagingexchange.audit.domain;
