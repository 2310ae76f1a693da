package org.imagingexchange.gateway.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The response headers the gateway puts on every answer, its own and the services' (OWASP Secure Headers for APIs):
 * no MIME sniffing, no framing, no content execution, no referrer, and no storage of patient data by browsers or
 * shared caches ({@code Cache-Control: no-store}, RFC 9111 §5.2.2.5). {@code Strict-Transport-Security} (RFC 6797)
 * only on answers to requests that arrived over HTTPS. The services' own values for these headers are replaced.
 */
public final class SecurityHeaders {

    /** Lower-case names of the headers set here; a service's response may not set them. */
    public static final Set<String> NAMES = Set.of("x-content-type-options", "x-frame-options",
            "content-security-policy", "referrer-policy", "cache-control", "strict-transport-security");

    private SecurityHeaders() {
    }

    /**
     * @param secure            true when the request reached the platform over HTTPS
     * @param hstsMaxAgeSeconds HSTS max-age; 0 for none
     * @return header name to value, in a stable order
     */
    public static Map<String, String> of(boolean secure, long hstsMaxAgeSeconds) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        if (secure && hstsMaxAgeSeconds > 0) {
            h.put("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds + "; includeSubDomains");
        }
        return h;
    }
}
