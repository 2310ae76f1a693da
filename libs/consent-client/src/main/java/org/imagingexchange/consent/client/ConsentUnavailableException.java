package org.imagingexchange.consent.client;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * No consent decision could be had for a single resource the caller asked for (the consent service did
 * not answer, {@link ConsentDecision#undecided()}): HTTP 503, retryable. Fail closed, and honest about the
 * outage instead of a refusal the caller would take as final.
 */
public class ConsentUnavailableException extends ProblemException {

    /** Creates the problem; its detail names no patient or resource. */
    public ConsentUnavailableException() {
        super("consent-unavailable", 503, "Consent decision unavailable",
                "The consent service gave no decision; try again later.", List.of(), null);
    }
}
