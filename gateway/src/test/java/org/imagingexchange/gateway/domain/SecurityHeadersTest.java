package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void of_plainHttp_noHsts() {
        Map<String, String> h = SecurityHeaders.of(false, 31_536_000L);
        assertEquals("nosniff", h.get("X-Content-Type-Options"));
        assertEquals("no-store", h.get("Cache-Control"));
        assertEquals("DENY", h.get("X-Frame-Options"));
        assertTrue(h.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertFalse(h.containsKey("Strict-Transport-Security"));
    }

    @Test
    void of_https_hstsUnlessZero() {
        assertEquals("max-age=600; includeSubDomains", SecurityHeaders.of(true, 600).get("Strict-Transport-Security"));
        assertFalse(SecurityHeaders.of(true, 0).containsKey("Strict-Transport-Security"));
    }

    @Test
    void names_coverEveryHeaderSet() {
        SecurityHeaders.of(true, 1).keySet()
                .forEach(n -> assertTrue(SecurityHeaders.NAMES.contains(n.toLowerCase(Locale.ROOT)), n));
    }

    @Test
    void toClient_servicesCannotOverrideSecurityHeaders() {
        Map<String, List<String>> out = ForwardingHeaders.toClient(
                Map.of("Cache-Control", List.of("public, max-age=3600"), "Content-Type", List.of("application/json")),
                s -> s);
        assertFalse(out.containsKey("cache-control"));
        assertTrue(out.containsKey("content-type"));
    }
}
