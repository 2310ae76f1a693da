package org.imagingexchange.audit.domain;

import org.imagingexchange.kit.context.Actor;

/**
 * Who may read which part of the trail: an {@value #AUDITOR} reads everything; a {@value #PATIENT}
 * reads only the events about their own Patient ID (token claim {@code patient_id}), whatever they
 * ask for (the patient access log); anyone else nothing.
 */
public final class AccessLogPolicy {

    /** Realm role of auditors (e.g. the regional health authority). */
    public static final String AUDITOR = "auditor";
    /** Realm role of patient users. */
    public static final String PATIENT = "patient";

    private AccessLogPolicy() {
    }

    /**
     * @param actor     the verified caller
     * @param requested the query as the caller sent it
     * @return the query to run: unchanged for auditors, bound to the own Patient ID for patients
     * @throws AccessLogDeniedException (403) for a patient asking about another Patient ID, or a caller
     *                                  that is neither auditor nor patient with a Patient ID
     */
    public static AuditQuery scope(Actor actor, AuditQuery requested) {
        if (actor.hasRole(AUDITOR)) {
            return requested;
        }
        String own = ownPatientId(actor);
        if (requested.patientId() != null && !requested.patientId().equals(own)) {
            throw new AccessLogDeniedException("Patients may read the access log of their own Patient ID only.");
        }
        return requested.forPatient(own, requested.patientId() == null ? null : requested.patientIssuer());
    }

    /**
     * @param actor the verified caller
     * @param event a stored event
     * @return true when the caller may see this event
     */
    public static boolean mayRead(Actor actor, StoredAuditEvent event) {
        if (actor.hasRole(AUDITOR)) {
            return true;
        }
        return actor.hasRole(PATIENT) && actor.ownPatientId()
                .map(own -> event.record().patients().stream().anyMatch(p -> p.id().equals(own)))
                .orElse(false);
    }

    private static String ownPatientId(Actor actor) {
        if (!actor.hasRole(PATIENT) || actor.ownPatientId().isEmpty()) {
            throw new AccessLogDeniedException("Only auditors, and patients for their own Patient ID, may read the audit trail.");
        }
        return actor.ownPatientId().get();
    }
}
