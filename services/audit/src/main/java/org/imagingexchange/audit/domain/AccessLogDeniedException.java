package org.imagingexchange.audit.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The caller may not read these audit events (a patient asking about another patient): HTTP 403. */
public class AccessLogDeniedException extends ProblemException {

    /** @param detail why, without naming the other patient */
    public AccessLogDeniedException(String detail) {
        super("access-log-denied", 403, "Access to the audit trail denied", detail);
    }
}
