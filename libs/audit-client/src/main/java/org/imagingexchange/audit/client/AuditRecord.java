package org.imagingexchange.audit.client;

import java.time.Instant;
import java.util.List;

/**
 * One access, as a service reports it to the audit service ({@code POST /audit/api/events}, JSON-B).
 * The audit service stores it append-only and renders it as a FHIR AuditEvent (BALP).
 *
 * @param eventId       UUID chosen by the reporting service; the audit service ingests each id once
 * @param recorded      when the access happened (UTC)
 * @param pattern       the BALP pattern
 * @param outcome       success or failure class
 * @param outcomeDetail e.g. {@code HTTP 403}, {@code consent denied: opt-in-no-consent}; may be empty
 * @param source        reporting service, e.g. {@code study-registry} (AuditEvent.source.observer)
 * @param correlationId correlation id of the request
 * @param agent         who accessed
 * @param patients      patients whose data was accessed (AuditEvent.entity role Patient); may be empty
 * @param entities      what was accessed (studies, reports, consents, queries); may be empty
 */
public record AuditRecord(String eventId, Instant recorded, BalpPattern pattern, AuditOutcome outcome,
                          String outcomeDetail, String source, String correlationId, Agent agent,
                          List<PatientRef> patients, List<EntityRef> entities) {

    /**
     * The requester (AuditEvent.agent, requestor = true).
     *
     * @param userId         token subject
     * @param username       preferred_username
     * @param clientId       OAuth client (azp)
     * @param organizationId requesting organisation
     * @param country        ISO 3166-1 alpha-2
     * @param purposeOfUse   HL7 v3 PurposeOfUse code
     */
    public record Agent(String userId, String username, String clientId, String organizationId, String country,
                        String purposeOfUse) {
    }

    /**
     * A patient whose data was touched.
     *
     * @param id     Patient ID value
     * @param issuer Issuer of Patient ID / identifier system; may be empty
     */
    public record PatientRef(String id, String issuer) {
    }

    /**
     * An accessed object or the query itself.
     *
     * @param type        FHIR resource type or {@code query}: ImagingStudy, DiagnosticReport, Consent, ...
     * @param identifier  e.g. Study Instance UID, report id; for queries the query string
     * @param description optional human-readable detail
     */
    public record EntityRef(String type, String identifier, String description) {
    }
}
