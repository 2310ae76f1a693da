package org.imagingexchange.consent.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** No Consent with the requested id: HTTP 404 (OperationOutcome not-found on FHIR paths). */
public class ConsentNotFoundException extends ProblemException {

    /** @param id the requested logical id */
    public ConsentNotFoundException(String id) {
        super("consent-not-found", 404, "Consent not found", "No Consent with id '" + id + "'.");
    }
}
