package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * The gateway is forwarding as many requests as it may and its wait queue is full or the wait timed out
 * ({@link Admission}): HTTP 503 with {@code Retry-After} (RFC 9110 §15.6.4), safe to retry.
 */
public class GatewayBusyException extends ProblemException {

    private final long retryAfterSeconds;

    /** @param retryAfterSeconds whole seconds after which a retry is likely to be admitted, &gt;= 1 */
    public GatewayBusyException(long retryAfterSeconds) {
        super("gateway-busy", 503, "Service Unavailable",
                "The platform is answering as many requests as it can; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the {@code Retry-After} value, whole seconds */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
