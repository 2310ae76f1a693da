/**
 * API layer of the audit service: the JAX-RS application, the internal ingest endpoint
 * ({@code POST /api/events}), the FHIR R4 AuditEvent search (IHE BALP shape) and the hash-chain
 * integrity check, with their request/response records and the FHIR mapping.
 */
package org.imagingexchange.audit.api;
