package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * Consent could not be decided for a study another organisation holds (the consent service did not
 * answer): HTTP 503, retryable. Never an empty result, which a clinician would read as "no studies".
 */
public class ConsentUnavailableException extends ProblemException {

    /** @param detail what could not be decided, without patient identifiers */
    public ConsentUnavailableException(String detail) {
        super("consent-unavailable", 503, "Consent decision unavailable", detail, List.of(), null);
    }
}
