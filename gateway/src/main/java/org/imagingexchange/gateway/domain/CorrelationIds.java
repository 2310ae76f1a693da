package org.imagingexchange.gateway.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Correlation-ID} rule shared with the services' kit: a caller's id is kept when it is
 * 1-64 characters of letters, digits, '.', '_' or '-'; otherwise (or when absent) a random UUID is used,
 * so ids are safe to log and to put in headers. Pure, thread-safe.
 */
public final class CorrelationIds {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationIds() {
    }

    /**
     * @param received the header value the caller sent; may be null
     * @return the id to use for this request; never null
     */
    public static String accept(String received) {
        if (received != null && SAFE_ID.matcher(received).matches()) {
            return received;
        }
        return UUID.randomUUID().toString();
    }
}
