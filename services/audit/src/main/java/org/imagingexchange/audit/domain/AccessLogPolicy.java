package org.imagingexchange.audit.domain;

import java.util.List;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.kit.context.Actor;

/**
 * Who may read which part of the trail: an {@value #AUDITOR} reads everything; a {@value #PATIENT}
 * reads only the events about their own Patient ID (token claim {@code patient_id}), whatever they
 * ask for (the patient access log), and of an event that also touched other patients only their own part
 * ({@link #visibleTo}); anyone else nothing.
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

    /**
     * What of an event the caller may see. Auditors see it whole, and so does a patient when the event is about
     * them alone. An event that touched several patients (a search answered with many patients' studies) shows a
     * patient only themselves among its patients and none of its studies, reports or other objects, because the
     * record does not say which of them are whose; the query, the agent, the time and the outcome stay. The
     * event's hash is the hash of the whole record (only auditors can check the chain).
     *
     * @param actor the verified caller, who may read the event ({@link #mayRead})
     * @param event a stored event
     * @return the event as the caller may see it
     */
    public static StoredAuditEvent visibleTo(Actor actor, StoredAuditEvent event) {
        AuditRecord r = event.record();
        if (actor.hasRole(AUDITOR) || actor.ownPatientId().isEmpty()) {
            return event;
        }
        String own = actor.ownPatientId().get();
        if (r.patients().stream().allMatch(p -> p.id().equals(own))) {
            return event;
        }
        List<AuditRecord.PatientRef> ownRefs = r.patients().stream().filter(p -> p.id().equals(own)).toList();
        List<AuditRecord.EntityRef> queries = r.entities().stream().filter(x -> "query".equals(x.type())).toList();
        return new StoredAuditEvent(event.sequence(), new AuditRecord(r.eventId(), r.recorded(), r.pattern(),
                r.outcome(), r.outcomeDetail(), r.source(), r.correlationId(), r.agent(), ownRefs, queries),
                event.hash());
    }

    private static String ownPatientId(Actor actor) {
        if (!actor.hasRole(PATIENT) || actor.ownPatientId().isEmpty()) {
            throw new AccessLogDeniedException("Only auditors, and patients for their own Patient ID, may read the audit trail.");
        }
        return actor.ownPatientId().get();
    }
}
