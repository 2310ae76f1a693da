package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * A registration (MADO manifest or ImagingStudy) that cannot be accepted as sent: HTTP 422 with one issue
 * per problem, each naming its FHIRPath location (an OperationOutcome on {@code /fhir}). Nothing of the
 * request has been registered.
 */
public class RegistrationRejectedException extends ProblemException {

    /** @param issues every problem found; not empty */
    public RegistrationRejectedException(List<Issue> issues) {
        super("registration-rejected", 422, "Unprocessable registration",
                issues.size() == 1 ? issues.get(0).message() : issues.size() + " problems in the registration; see errors.",
                issues, null);
    }
}
