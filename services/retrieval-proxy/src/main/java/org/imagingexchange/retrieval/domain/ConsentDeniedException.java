package org.imagingexchange.retrieval.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * The consent decision point denied access (or gave no answer, which counts as a deny): HTTP 403,
 * raised before any byte is fetched from the source.
 */
public class ConsentDeniedException extends ProblemException {

    /** @param reason the decision's machine-readable reason, e.g. {@code opt-in-no-consent} */
    public ConsentDeniedException(String reason) {
        super("consent-denied", 403, "Access denied by consent policy",
                "The patient's consent or the region's policy does not permit this retrieval (reason: " + reason + ").");
    }
}
