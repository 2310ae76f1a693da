package org.imagingexchange.gateway.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * The bearer token is malformed, badly signed, expired, or not issued by or for this platform
 * (RFC 6750 §3.1 {@code invalid_token}): HTTP 401.
 */
public class InvalidBearerTokenException extends ProblemException {

    /**
     * @param detail why the token was refused, without echoing the token
     * @param cause  the verifier's exception, for the log; may be null
     */
    public InvalidBearerTokenException(String detail, Throwable cause) {
        super("invalid-token", 401, "Invalid access token", detail, List.of(), cause);
    }
}
