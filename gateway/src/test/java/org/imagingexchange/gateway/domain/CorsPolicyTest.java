package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void allows_listedOrigin_trueOthersFalse() {
        CorsPolicy policy = new CorsPolicy(List.of(" https://viewer.example ", "http://localhost:3000/"));

        assertTrue(policy.allows("https://viewer.example"));
        assertTrue(policy.allows("http://localhost:3000"));
        assertFalse(policy.allows("https://viewer.example.evil"));
        assertFalse(policy.allows("null"), "opaque origins are never allowed");
        assertFalse(policy.allows(null));
    }

    @Test
    void allows_emptyConfiguration_none() {
        assertFalse(new CorsPolicy(List.of("")).allows("https://viewer.example"));
    }

    @Test
    void allows_wildcard_any() {
        assertTrue(new CorsPolicy(List.of("*")).allows("https://anything.example"));
    }

    @Test
    void isPreflight_optionsWithOriginAndRequestMethod_true() {
        assertTrue(CorsPolicy.isPreflight("OPTIONS", "https://v.example", "GET"));
        assertFalse(CorsPolicy.isPreflight("OPTIONS", "https://v.example", null));
        assertFalse(CorsPolicy.isPreflight("GET", "https://v.example", "GET"));
    }
}
