package org.imagingexchange.retrieval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.imagingexchange.audit.client.AuditJournal;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retrieval proxy on its own Liberty server ({@code it.http.port}) with the real Keycloak and NO
 * registry (its URL points at a closed port): what must hold standalone — health, metrics, OpenAPI,
 * problem+json for 401 / 403 / 400 and 503 when the study cannot be located. The streaming path against
 * the real Orthanc is covered by {@code WadoRsSourceArchiveIT}; registry + consent + Orthanc end to end
 * by the all-in-one tests.
 */
class RetrievalProxyIT {

    private static final String BASE = "/retrieval/dicomweb/studies/";
    private static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";

    /** A fresh, syntactically valid UID per test (PS3.5 §B.2 UUID-derived), so tests share no data. */
    private static String uniqueStudy() {
        return "2.25." + UUID.randomUUID().toString().replace("-", "").chars()
                .mapToObj(c -> Integer.toString(Character.digit(c, 16) % 10))
                .reduce("1", String::concat);
    }

    /** Waits (up to 5 minutes) for readiness: on a loaded 2-core machine the WAR starts after the server does. */
    @BeforeAll
    static void awaitReady() throws InterruptedException {
        Http.awaitReady(300);
    }

    @Test
    void healthReady_configValid_up() {
        HttpResponse<String> r = Http.get("/health/ready", null);
        assertEquals(200, r.statusCode(), "ready without the registry (readiness is config only): " + r.body());
        assertTrue(r.body().contains("retrieval-config"), r.body());
    }

    @Test
    void healthLive_always_up() {
        assertEquals(200, Http.get("/health/live", null).statusCode());
    }

    @Test
    void metrics_retrievalMetricsExposed() {
        // Labelled series (bytes, latencies, errors per source) appear with their first retrieval, which
        // needs the registry; the unlabelled in-flight gauge is there from start-up.
        HttpResponse<String> r = Http.get("/retrieval/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("retrieval_in_flight 0"), "metrics expose retrieval_in_flight: " + r.body());
        assertTrue(r.body().contains("jvm_memory"), "JVM metrics exposed");
    }

    @Test
    void openapi_listsWadoRsPaths() {
        HttpResponse<String> r = Http.get("/openapi", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/dicomweb/studies/{study}/series/{series}/instances/{instance}/metadata"), r.body());
    }

    @Test
    void retrieveStudy_noToken_401Problem() {
        HttpResponse<String> r = Http.get(BASE + STUDY, null);
        assertEquals(401, r.statusCode());
        JsonObject problem = Http.problem(r);
        assertEquals(401, problem.getInt("status"));
        assertEquals("/dicomweb/studies/" + STUDY, problem.getString("instance"), "instance is the public path, not the internal context root");
    }

    @Test
    void retrieveStudy_invalidToken_401Problem() {
        HttpResponse<String> r = Http.get(BASE + STUDY, "not.a.token");
        assertEquals(401, r.statusCode());
        assertEquals(401, Http.problem(r).getInt("status"));
    }

    @Test
    void retrieveStudy_patientRole_403Problem() {
        HttpResponse<String> r = Http.get(BASE + STUDY, Tokens.of("patient-1ct1"));
        assertEquals(403, r.statusCode(), r.body());
        Http.problem(r);
    }

    @Test
    void retrieveSeriesMetadata_auditorRole_403Problem() {
        HttpResponse<String> r = Http.get(BASE + STUDY + "/series/" + SERIES + "/metadata", Tokens.of("auditor"));
        assertEquals(403, r.statusCode(), r.body());
        Http.problem(r);
    }

    @Test
    void retrieveStudy_leadingZeroUid_400ProblemNamingStudy() {
        HttpResponse<String> r = Http.get(BASE + "1.02.3", Tokens.of("radiologist-a"));
        assertEquals(400, r.statusCode(), r.body());
        JsonObject problem = Http.problem(r);
        assertEquals("urn:imaging-exchange:problem:invalid-uid", problem.getString("type"));
        assertEquals("study", problem.getJsonArray("errors").getJsonObject(0).getString("location"));
    }

    @Test
    void retrieveInstance_tooLongInstanceUid_400ProblemNamingInstance() {
        String tooLong = "1." + "2".repeat(63);
        HttpResponse<String> r = Http.get(BASE + STUDY + "/series/" + SERIES + "/instances/" + tooLong,
                Tokens.of("clinician-b"));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("instance", Http.problem(r).getJsonArray("errors").getJsonObject(0).getString("location"));
    }

    @Test
    void retrieveSeries_letterInSeriesUid_400Problem() {
        HttpResponse<String> r = Http.get(BASE + STUDY + "/series/1.2.abc", Tokens.of("hospital-b"));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("series", Http.problem(r).getJsonArray("errors").getJsonObject(0).getString("location"));
    }

    @Test
    void retrieveStudy_registryUnreachable_503ProblemWithCorrelationId() {
        String cid = "it-" + UUID.randomUUID();
        HttpResponse<String> r = Http.get(BASE + uniqueStudy(), Tokens.of("radiologist-a"), "X-Correlation-ID", cid);
        assertEquals(503, r.statusCode(), r.body());
        JsonObject problem = Http.problem(r);
        assertEquals("urn:imaging-exchange:problem:registry-unavailable", problem.getString("type"));
        assertEquals(cid, problem.getString("correlationId"));
        assertEquals(cid, r.headers().firstValue("X-Correlation-ID").orElse(""));
    }

    @Test
    void retrieveSeries_registryUnreachable_auditedAsFailedPatientReadOfTheStudy() throws IOException {
        String cid = "it-" + UUID.randomUUID();
        String study = uniqueStudy();
        HttpResponse<String> r = Http.get(BASE + study + "/series/" + SERIES, Tokens.of("clinician-b"),
                "X-Correlation-ID", cid);
        assertEquals(503, r.statusCode(), r.body());
        // The audit service is not running: the record stays in the durable outbox, written before the
        // response head was sent, so it is there when the response arrives.
        JsonObject record = auditRecord(cid);
        assertEquals("PATIENT_READ", record.getString("pattern"));
        assertEquals("SERIOUS_FAILURE", record.getString("outcome"));
        assertEquals("clinician-b", record.getJsonObject("agent").getString("username"));
        JsonObject entity = record.getJsonArray("entities").getJsonObject(0);
        assertEquals("ImagingStudy", entity.getString("type"));
        assertEquals(study, entity.getString("identifier"));
        assertTrue(entity.getString("description").contains("series " + SERIES), entity.toString());
    }

    /** @return the one outbox record of the request with this correlation id */
    private static JsonObject auditRecord(String correlationId) throws IOException {
        Path outbox = Path.of(System.getProperty("it.audit.outbox.dir", "target/it-audit-outbox/retrieval-proxy"));
        List<JsonObject> records = AuditJournal.readJson(outbox).stream()
                .map(text -> Json.createReader(new StringReader(text)).readObject())
                .filter(o -> correlationId.equals(o.getString("correlationId", "")))
                .toList();
        assertEquals(1, records.size(), "one audit record for correlation id " + correlationId);
        return records.get(0);
    }

    @Test
    void retrieveInstanceMetadata_registryUnreachable_503Problem() {
        HttpResponse<String> r = Http.get(BASE + uniqueStudy() + "/series/" + SERIES + "/instances/1.2.3/metadata",
                Tokens.of("hospital-a"), "Accept", "application/dicom+json");
        assertEquals(503, r.statusCode(), r.body());
        Http.problem(r);
    }

    @Test
    void unknownPath_404Problem() {
        HttpResponse<String> r = Http.get("/retrieval/dicomweb/nothing-here", Tokens.of("radiologist-a"));
        assertEquals(404, r.statusCode());
        Http.problem(r);
    }
}
