package org.imagingexchange.kit.security;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** The identity provider could not issue this service its own access token: HTTP 503. */
public class ServiceTokenUnavailableException extends ProblemException {

    /**
     * @param detail what failed (status or I/O error), without secrets
     * @param cause  underlying exception; may be null
     */
    public ServiceTokenUnavailableException(String detail, Throwable cause) {
        super("service-token-unavailable", 503, "Identity provider unavailable", detail, List.of(), cause);
    }
}
