package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The request carries no {@code Authorization: Bearer} credentials (RFC 6750 §3.1): HTTP 401. */
public class MissingBearerTokenException extends ProblemException {

    /** Creates the problem. */
    public MissingBearerTokenException() {
        super("missing-token", 401, "Authentication required",
                "Send an access token of the imaging realm as 'Authorization: Bearer <token>'.");
    }
}
