package org.imagingexchange.gateway.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call the gateway (Fetch standard, CORS protocol). Origins are compared
 * exactly ({@code scheme://host[:port]}); {@code *} allows any origin. Credentials (cookies) are never
 * allowed: callers authenticate with bearer tokens. An empty policy allows none. Thread-safe.
 */
public final class CorsPolicy {

    /** Methods a preflight may ask for. */
    public static final String ALLOWED_METHODS = "GET, POST, PUT, OPTIONS";
    /** Request headers a preflight may ask for. */
    public static final String ALLOWED_HEADERS = "Authorization, Accept, Content-Type, If-None-Match, If-Match, "
            + "If-Modified-Since, Prefer, X-Correlation-ID";
    /** Response headers scripts may read. */
    public static final String EXPOSED_HEADERS = "Location, Content-Location, ETag, Last-Modified, X-Correlation-ID, "
            + "WWW-Authenticate, Allow";
    /** How long browsers may cache a preflight answer, in seconds. */
    public static final int MAX_AGE_SECONDS = 600;

    private final Set<String> origins;
    private final boolean any;

    /** @param origins allowed origins; blank entries are ignored; {@code *} allows any */
    public CorsPolicy(List<String> origins) {
        this.origins = origins.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(CorsPolicy::trimSlash).collect(Collectors.toUnmodifiableSet());
        this.any = this.origins.contains("*");
    }

    /**
     * @param origin the request's {@code Origin} header; may be null
     * @return true when the origin may call the gateway
     */
    public boolean allows(String origin) {
        if (origin == null || origin.isEmpty() || "null".equals(origin)) {
            return false;
        }
        return any || origins.contains(trimSlash(origin));
    }

    /**
     * @param method                     request method
     * @param origin                     {@code Origin}; may be null
     * @param accessControlRequestMethod {@code Access-Control-Request-Method}; may be null
     * @return true for a CORS preflight request
     */
    public static boolean isPreflight(String method, String origin, String accessControlRequestMethod) {
        return "OPTIONS".equals(method) && origin != null && accessControlRequestMethod != null;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
