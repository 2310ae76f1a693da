package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** A CORS preflight from an origin not in {@code exchange.gateway.cors-origins} (Fetch standard §3.2): HTTP 403. */
public class CorsOriginNotAllowedException extends ProblemException {

    /** @param origin the {@code Origin} the browser sent */
    public CorsOriginNotAllowedException(String origin) {
        super("cors-origin-not-allowed", 403, "Origin not allowed",
                "Cross-origin requests from '" + origin + "' are not allowed.");
    }
}
