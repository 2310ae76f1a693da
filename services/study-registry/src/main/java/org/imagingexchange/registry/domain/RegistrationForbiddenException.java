package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * A registration for data the caller's organisation does not hold (docs/authorization.md: the acting
 * organisation comes from the token, never from the body): an Endpoint that is another organisation's
 * archive, or an organisation without any archive at this platform. HTTP 403 with one issue per study
 * concerned, each naming its FHIRPath location. Nothing of the request has been registered.
 */
public class RegistrationForbiddenException extends ProblemException {

    /** @param issues every study the caller may not register, with the reason; not empty */
    public RegistrationForbiddenException(List<Issue> issues) {
        super("registration-forbidden", 403, "Registration not allowed",
                issues.size() == 1 ? issues.get(0).message() : issues.size() + " studies may not be registered; see errors.",
                issues, null);
    }
}
