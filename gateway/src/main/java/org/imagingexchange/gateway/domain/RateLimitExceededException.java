package org.imagingexchange.gateway.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * The caller used up its request budget (RFC 6585 §4): HTTP 429 with {@code Retry-After} in seconds.
 */
public class RateLimitExceededException extends ProblemException {

    private final long retryAfterSeconds;

    /**
     * @param perSecond         the caller's sustained budget, requests per second
     * @param retryAfterSeconds whole seconds until a request is admitted again, &gt;= 1
     */
    public RateLimitExceededException(long perSecond, long retryAfterSeconds) {
        super("rate-limited", 429, "Too many requests",
                "This client sent more than " + perSecond + " requests per second; retry after "
                        + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the {@code Retry-After} value, whole seconds, &gt;= 1 */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
