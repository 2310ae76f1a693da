package org.imagingexchange.audit.client;

/**
 * IHE Basic Audit Log Patterns (BALP) used by the platform. Each names the FHIR AuditEvent
 * {@code subtype} (restful interaction) and {@code action} code (C, R, U, D, E) the audit service writes.
 */
public enum BalpPattern {
    /** Patient-specific create, e.g. a report or consent posted for a patient (BALP PatientCreate). */
    PATIENT_CREATE("create", "C"),
    /** Patient-specific read, e.g. report read or study retrieval (BALP PatientRead). */
    PATIENT_READ("read", "R"),
    /** Patient-specific search, e.g. QIDO-RS or FHIR search (BALP PatientQuery). */
    PATIENT_QUERY("search-type", "E"),
    /** Search not bound to one patient (BALP Query). */
    QUERY("search-type", "E"),
    /** Read not bound to a patient (BALP Read). */
    READ("read", "R"),
    /** Create not bound to a patient (BALP Create). */
    CREATE("create", "C"),
    /** Privacy consent authorized decision (BALP consent decision pattern). */
    CONSENT_DECISION("decision", "E");

    private final String interaction;
    private final String action;

    BalpPattern(String interaction, String action) {
        this.interaction = interaction;
        this.action = action;
    }

    /** @return FHIR restful-interaction code used as AuditEvent.subtype */
    public String interaction() {
        return interaction;
    }

    /** @return AuditEvent.action code: C, R, U, D or E */
    public String action() {
        return action;
    }
}
