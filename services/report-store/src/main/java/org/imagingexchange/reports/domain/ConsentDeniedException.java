package org.imagingexchange.reports.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The patient's consent (or the region's policy, or an unreachable consent service) forbids this access: HTTP 403. */
public class ConsentDeniedException extends ProblemException {

    /** @param reason the consent decision's reason, e.g. {@code opt-in-no-consent}, {@code consent-service-unavailable} */
    public ConsentDeniedException(String reason) {
        super("consent-denied", 403, "Access denied by consent", "Access to this imaging report is not permitted (" + reason + ").");
    }
}
