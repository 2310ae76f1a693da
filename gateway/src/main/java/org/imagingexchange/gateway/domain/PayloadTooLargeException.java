package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The request body exceeds {@code exchange.gateway.max-body-bytes} (RFC 9110 §15.5.14): HTTP 413. */
public class PayloadTooLargeException extends ProblemException {

    /** @param limitBytes the configured limit, in bytes */
    public PayloadTooLargeException(long limitBytes) {
        super("payload-too-large", 413, "Content too large",
                "The request body exceeds the limit of " + limitBytes + " bytes.");
    }
}
