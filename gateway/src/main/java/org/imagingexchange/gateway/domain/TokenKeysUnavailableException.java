package org.imagingexchange.gateway.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** The realm's token verification keys (JWKS) cannot be fetched, so no token can be checked: HTTP 503. */
public class TokenKeysUnavailableException extends ProblemException {

    /** @param cause the key source's failure, for the log */
    public TokenKeysUnavailableException(Throwable cause) {
        super("token-keys-unavailable", 503, "Identity provider unavailable",
                "The keys to verify access tokens cannot be fetched from the identity provider; try again later.",
                List.of(), cause);
    }
}
