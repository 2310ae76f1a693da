package org.imagingexchange.audit.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * A stored row holds values no ingest can have written (unknown pattern or outcome code, action not
 * matching the pattern): evidence of tampering. Verification reports it as a broken link; any other
 * read answers HTTP 500.
 */
public class CorruptAuditEventException extends ProblemException {

    private final String eventId;

    /**
     * @param eventId the event id of the row
     * @param what    which column is out of range
     */
    public CorruptAuditEventException(String eventId, String what) {
        super("audit-trail-corrupt", 500, "Audit trail corrupt",
                "Stored audit event " + eventId + " is corrupt (" + what + "); run the integrity check.");
        this.eventId = eventId;
    }

    /** @return the event id of the corrupt row */
    public String eventId() {
        return eventId;
    }
}
