package org.imagingexchange.audit.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** No audit event with this id is visible to the caller: HTTP 404. */
public class AuditEventNotFoundException extends ProblemException {

    /** @param eventId the requested id */
    public AuditEventNotFoundException(String eventId) {
        super("audit-event-not-found", 404, "Audit event not found", "No audit event " + eventId + " is visible to you.");
    }
}
