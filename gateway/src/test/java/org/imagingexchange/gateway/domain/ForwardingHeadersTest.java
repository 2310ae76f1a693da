package org.imagingexchange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ForwardingHeadersTest {

    private static final ClientConnection CLIENT = new ClientConnection("192.0.2.7", "http", "gw.example:8080");

    private static Map<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return m;
    }

    @Test
    void toUpstream_hopByHopFields_removed() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers(
                "Connection", "keep-alive, X-Private-Hop", "Keep-Alive", "timeout=5", "X-Private-Hop", "1",
                "Proxy-Authorization", "Basic eA==", "TE", "trailers", "Transfer-Encoding", "chunked",
                "Upgrade", "h2c", "Trailer", "Expires", "Proxy-Connection", "close"), CLIENT, "cid-1");

        for (String name : List.of("connection", "keep-alive", "x-private-hop", "proxy-authorization", "te",
                "transfer-encoding", "upgrade", "trailer", "proxy-connection")) {
            assertFalse(out.containsKey(name), name + " is hop-by-hop (RFC 9110 §7.6.1) and must not be forwarded");
        }
    }

    @Test
    void toUpstream_identityClaimingHeaders_neverReachAService() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers(
                "Authorization", "Bearer abc.def.ghi", "X-Remote-User", "admin", "Remote-User", "admin",
                "X-Forwarded-User", "clinician-b", "X-Auth-Request-Email", "a@b", "X-Organization-Id", "hospital-a",
                "X-Patient-Id", "1CT1", "X-Roles", "auditor", "X-Groups", "auditor", "X-Purpose-Of-Use", "ETREAT",
                "X-Client-Cert", "MII...", "Cookie", "s=1", "X-JWT-Assertion", "e30", "User-Agent", "viewer/1.0",
                "Accept", "application/dicom+json"), CLIENT, "cid-1");

        for (String name : List.of("x-remote-user", "remote-user", "x-forwarded-user", "x-auth-request-email",
                "x-organization-id", "x-patient-id", "x-roles", "x-groups", "x-purpose-of-use", "x-client-cert", "cookie",
                "x-jwt-assertion")) {
            assertFalse(out.containsKey(name), name + " claims an identity or context and must not be forwarded");
        }
        assertEquals(List.of("Bearer abc.def.ghi"), out.get("authorization"));
        assertEquals(List.of("viewer/1.0"), out.get("user-agent"));
        assertEquals(List.of("application/dicom+json"), out.get("accept"));
    }

    @Test
    void toUpstream_lowerCaseBearerScheme_forwardedAsBearer() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers("Authorization", "bearer  abc.def.ghi"),
                CLIENT, "cid-1");

        assertEquals(List.of("Bearer abc.def.ghi"), out.get("authorization"),
                "the scheme is case-insensitive; services get the one spelling Bearer");
    }

    @Test
    void toUpstream_endToEndFields_keptUnchanged() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers(
                "Authorization", "Bearer abc.def.ghi", "Accept", "multipart/related; type=\"application/dicom\"",
                "Content-Type", "application/fhir+json", "If-None-Match", "W/\"3\"", "Accept", "application/json"),
                CLIENT, "cid-1");

        assertEquals(List.of("Bearer abc.def.ghi"), out.get("authorization"), "the token goes on unchanged");
        assertEquals(List.of("multipart/related; type=\"application/dicom\"", "application/json"), out.get("accept"));
        assertEquals(List.of("application/fhir+json"), out.get("content-type"));
        assertEquals(List.of("W/\"3\""), out.get("if-none-match"));
    }

    @Test
    void toUpstream_gatewayOwnedFields_replaced() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers(
                "Host", "evil.example", "Content-Length", "12", "X-Correlation-ID", "spoofed"), CLIENT, "cid-42");

        assertFalse(out.containsKey("host"), "the HTTP client sets Host for the service");
        assertFalse(out.containsKey("content-length"), "the HTTP client sets Content-Length from the body");
        assertEquals(List.of("cid-42"), out.get("x-correlation-id"));
    }

    @Test
    void toUpstream_noForwardingHeaders_addsThisHop() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers(), CLIENT, "cid-1");

        assertEquals(List.of("192.0.2.7"), out.get("x-forwarded-for"));
        assertEquals(List.of("http"), out.get("x-forwarded-proto"));
        assertEquals(List.of("gw.example:8080"), out.get("x-forwarded-host"));
        assertEquals(List.of("for=192.0.2.7;proto=http;host=\"gw.example:8080\""), out.get("forwarded"));
        assertEquals(List.of("1.1 imaging-exchange-gateway"), out.get("via"));
    }

    @Test
    void toUpstream_behindFrontProxy_appendsAndKeepsOriginalProtoHost() {
        Map<String, List<String>> out = ForwardingHeaders.toUpstream(headers(
                "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "exchange.example",
                "Forwarded", "for=203.0.113.9;proto=https", "Via", "1.1 ingress"), CLIENT, "cid-1");

        assertEquals(List.of("203.0.113.9, 192.0.2.7"), out.get("x-forwarded-for"));
        assertEquals(List.of("https"), out.get("x-forwarded-proto"));
        assertEquals(List.of("exchange.example"), out.get("x-forwarded-host"));
        assertEquals(List.of("for=203.0.113.9;proto=https, for=192.0.2.7;proto=http;host=\"gw.example:8080\""),
                out.get("forwarded"));
        assertEquals(List.of("1.1 ingress, 1.1 imaging-exchange-gateway"), out.get("via"));
    }

    @Test
    void forwardedElement_ipv6_quotedInBrackets() {
        String element = ForwardingHeaders.forwardedElement(new ClientConnection("2001:db8::1", "https", "a.example"));

        assertEquals("for=\"[2001:db8::1]\";proto=https;host=a.example", element, "RFC 7239 §6 node for IPv6");
    }

    @Test
    void toClient_hopByHopAndCors_removedLocationRewritten() {
        UnaryOperator<String> rewrite = v -> v.replace("/reports/fhir/", "/fhir/");
        Map<String, List<String>> out = ForwardingHeaders.toClient(headers(
                "Connection", "X-Hop", "X-Hop", "1", "Transfer-Encoding", "chunked", "Keep-Alive", "timeout=5",
                "Access-Control-Allow-Origin", "*", "X-Correlation-ID", "cid-1",
                "Content-Type", "multipart/related; type=\"application/dicom\"; boundary=abc",
                "Location", "http://s:9080/reports/fhir/DiagnosticReport/7", "ETag", "W/\"1\"", ":status", "200"),
                rewrite);

        assertEquals(List.of("content-type", "location", "etag"), List.copyOf(out.keySet()));
        assertEquals(List.of("multipart/related; type=\"application/dicom\"; boundary=abc"), out.get("content-type"),
                "the multipart boundary passes intact");
        assertEquals(List.of("http://s:9080/fhir/DiagnosticReport/7"), out.get("location"));
    }

    @Test
    void connectionOptions_listedTokens_lowerCased() {
        assertTrue(ForwardingHeaders.connectionOptions(List.of("Keep-Alive, X-A", "x-b")).containsAll(
                List.of("keep-alive", "x-a", "x-b")));
    }
}
