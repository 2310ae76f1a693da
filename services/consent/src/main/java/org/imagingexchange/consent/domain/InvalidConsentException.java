package org.imagingexchange.consent.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * A posted FHIR Consent is well-formed but not a directive this service can enforce: HTTP 422 with one
 * OperationOutcome issue per finding, each located by a FHIRPath expression.
 */
public class InvalidConsentException extends ProblemException {

    /** @param issues the findings; not empty */
    public InvalidConsentException(List<Issue> issues) {
        super("invalid-consent", 422, "Invalid Consent",
                "The Consent is not an enforceable directive: " + issues.size() + " issue(s).", issues, null);
    }
}
