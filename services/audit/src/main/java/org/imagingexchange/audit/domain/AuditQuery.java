package org.imagingexchange.audit.domain;

import java.time.Instant;

/**
 * Search criteria over the trail (FHIR AuditEvent search, R4 §AuditEvent search parameters). Criteria
 * are combined with AND; null means "any".
 *
 * @param patientId      Patient ID value an event must concern (entity role Patient); null for any
 * @param patientIssuer  issuer / identifier system of that Patient ID; null for any issuer
 * @param agent          user id, username, OAuth client or organisation of the requester; null for any
 * @param entity         identifier of an accessed object (e.g. Study Instance UID, report id); null for any
 * @param recordedFrom   inclusive lower bound of {@code recorded}; null for none
 * @param recordedBefore exclusive upper bound of {@code recorded}; null for none
 * @param offset         number of matches to skip (newest first); 0 or more
 * @param count          page size, 0..{@link #MAX_COUNT}
 */
public record AuditQuery(String patientId, String patientIssuer, String agent, String entity, Instant recordedFrom,
                         Instant recordedBefore, int offset, int count) {

    /** Page size when the client sends no {@code _count}. */
    public static final int DEFAULT_COUNT = 50;
    /** Largest page size served. */
    public static final int MAX_COUNT = 500;

    /** @return a copy restricted to one patient (the patient access log) */
    public AuditQuery forPatient(String id, String issuer) {
        return new AuditQuery(id, issuer, agent, entity, recordedFrom, recordedBefore, offset, count);
    }
}
