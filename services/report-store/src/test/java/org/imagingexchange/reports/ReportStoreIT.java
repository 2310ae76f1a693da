package org.imagingexchange.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import org.imagingexchange.testsupport.BadInputCorpus;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report store on its own Liberty server (port {@code it.http.port}, PostgreSQL {@code it.db.name},
 * real Keycloak). Consent is deliberately unreachable here, so every read and search is denied
 * (fail closed) even for the custodian; "nothing stored" is therefore checked in the database.
 */
class ReportStoreIT {

    static final String FHIR_JSON = "application/fhir+json";
    static final String REPORTS = "/reports/fhir/DiagnosticReport";

    /** @return the public FHIR base the IT server is configured with (pom: exchange.public-fhir-base) */
    static String publicFhirBase() {
        return Http.base() + "/fhir";
    }

    /** @return the documented CT example with a fresh Patient ID and Study Instance UID (each test its own data) */
    static JsonObject example(String patientId, String uid) {
        String text = resource("/examples/diagnostic-report-ct.json")
                .replace("1CT1", patientId)
                .replace("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", uid);
        return Json.createReader(new StringReader(text)).readObject();
    }

    static String resource(String path) {
        try (InputStream in = ReportStoreIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String freshUid() {
        return "2.25." + new BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
    }

    static String freshPatient() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject without(JsonObject o, String... keys) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        for (String k : keys) {
            b.remove(k);
        }
        return b.build();
    }

    static JsonObject with(JsonObject o, String key, JsonValue value) {
        return Json.createObjectBuilder(o).add(key, value).build();
    }

    /** @return rows stored for the patient, straight from the IT database */
    static int storedFor(String patientId) {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("it.db.name", "exchange_reports_it");
        try (Connection c = DriverManager.getConnection(url, "exchange", "exchange");
             PreparedStatement s = c.prepareStatement("select count(*) from imaging_report where patient_id = ?")) {
            s.setString(1, patientId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("IT database unreachable", e);
        }
    }

    static HttpResponse<String> post(String path, String token, String body) {
        return Http.post(path, token, FHIR_JSON, body);
    }

    static JsonObject json(HttpResponse<String> r) {
        return (JsonObject) Http.json(r);
    }

    static void assertOperationOutcome(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), "status; body " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(FHIR_JSON), "FHIR content type: " + r.headers().map());
        assertEquals("OperationOutcome", json(r).getString("resourceType"), r.body());
    }

    /** Waits (up to 5 minutes) until the server reports ready: the app deploys slowly on a loaded 2-core machine. */
    @BeforeAll
    static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Http.get("/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notListening) {
                // The HTTP endpoint is not open yet; poll again.
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("report store not ready at " + Http.base() + "/health/ready within 5 minutes");
    }

    @Test
    void health_readyAndLive_up() {
        assertEquals(200, Http.get("/health/ready", null).statusCode());
        assertEquals(200, Http.get("/health/live", null).statusCode());
    }

    @Test
    void metricsAndOpenApi_served() {
        HttpResponse<String> metrics = Http.get("/reports/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_"), "Prometheus text with JVM metrics");
        HttpResponse<String> openapi = Http.get("/openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/fhir/DiagnosticReport"), openapi.body());
    }

    @Test
    void create_documentedExampleAsHospitalA_201WithLocationAndStoredResource() {
        String patient = freshPatient();
        String uid = freshUid();
        HttpResponse<String> r = post(REPORTS, Tokens.of("hospital-a"), example(patient, uid).toString());
        assertEquals(201, r.statusCode(), r.body());
        JsonObject stored = json(r);
        String id = stored.getString("id");
        assertEquals(publicFhirBase() + "/DiagnosticReport/" + id + "/_history/1",
                r.headers().firstValue("Location").orElse(""), "Location under the public FHIR base: " + r.headers().map());
        assertEquals("1", stored.getJsonObject("meta").getString("versionId"));
        assertTrue(stored.getJsonObject("meta").containsKey("lastUpdated"));
        assertEquals(1, storedFor(patient));
    }

    @Test
    void create_documentBundleAsRadiologist_201() {
        String patient = freshPatient();
        String body = resource("/examples/document-bundle-ct.json").replace("1CT1", patient)
                .replace("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", freshUid());
        HttpResponse<String> r = post("/reports/fhir/Bundle", Tokens.of("radiologist-a"), body);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("DiagnosticReport", json(r).getString("resourceType"));
        assertEquals(1, storedFor(patient));
    }

    static Stream<Arguments> incompleteReports() {
        return Stream.of(
                Arguments.of("A.1.1", "DiagnosticReport.subject.identifier", (Edit) o -> without(o, "subject")),
                Arguments.of("A.1.5", "DiagnosticReport.performer", (Edit) o -> without(o, "performer")),
                Arguments.of("A.1.8.1", "DiagnosticReport.code", (Edit) o -> without(o, "code")),
                Arguments.of("A.1.8.2", "DiagnosticReport.status", (Edit) o -> without(o, "status")),
                Arguments.of("A.1.8.2", "DiagnosticReport.status", (Edit) o -> with(o, "status", Json.createValue("done"))),
                Arguments.of("A.1.8.3", "DiagnosticReport.issued", (Edit) o -> without(o, "issued", "effectiveDateTime")),
                Arguments.of("A.1.8.10", "DiagnosticReport.identifier", (Edit) o -> without(o, "identifier", "imagingStudy")),
                Arguments.of("A.5.1.1", "DiagnosticReport.category", (Edit) o -> without(o, "category")),
                Arguments.of("A.5.5", "DiagnosticReport.conclusion", (Edit) o -> without(o, "conclusion")));
    }

    /** An edit of the example report. */
    interface Edit {
        JsonObject apply(JsonObject report);
    }

    @ParameterizedTest(name = "{0} missing -> 422")
    @MethodSource("incompleteReports")
    void create_requiredElementMissing_422NamingElementAndNothingStored(String elementId, String location, Edit edit) {
        String patient = freshPatient();
        HttpResponse<String> r = post(REPORTS, Tokens.of("hospital-a"), edit.apply(example(patient, freshUid())).toString());
        assertOperationOutcome(r, 422);
        JsonArray issues = json(r).getJsonArray("issue");
        boolean named = issues.stream().map(JsonValue::asJsonObject).anyMatch(i ->
                i.getString("diagnostics").startsWith("eHN " + elementId + " ")
                        && i.getJsonArray("expression").getString(0).equals(location));
        assertTrue(named, "an issue naming " + elementId + " at " + location + ": " + r.body());
        assertEquals(0, storedFor(patient), "nothing stored");
    }

    @Test
    void create_everythingMissing_allIssuesInOneOutcome() {
        HttpResponse<String> r = post(REPORTS, Tokens.of("hospital-a"), "{\"resourceType\":\"DiagnosticReport\"}");
        assertOperationOutcome(r, 422);
        assertEquals(8, json(r).getJsonArray("issue").size(), r.body());
    }

    @Test
    void create_malformedJsonOrWrongType_400() {
        assertOperationOutcome(post(REPORTS, Tokens.of("hospital-a"), "{\"resourceType\": \"DiagnosticReport\", "), 400);
        assertOperationOutcome(post(REPORTS, Tokens.of("hospital-a"), "{\"resourceType\":\"Patient\"}"), 400);
        assertOperationOutcome(post("/reports/fhir/Bundle", Tokens.of("hospital-a"), "{\"resourceType\":\"DiagnosticReport\"}"), 400);
    }

    @Test
    void create_hospitalBNamingHospitalAAsPerformer_403AndNothingStored() {
        String patient = freshPatient();
        HttpResponse<String> r = post(REPORTS, Tokens.of("hospital-b"), example(patient, freshUid()).toString());
        assertOperationOutcome(r, 403);
        assertTrue(r.body().contains("hospital-a"), "names the claimed organisation: " + r.body());
        assertEquals(0, storedFor(patient), "nothing stored");
    }

    @Test
    void create_documentBundleWithAnotherCustodian_403AndNothingStored() {
        String patient = freshPatient();
        JsonObject bundle = Json.createReader(new StringReader(resource("/examples/document-bundle-ct.json")
                .replace("1CT1", patient).replace("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", freshUid()))).readObject();
        JsonObject composition = bundle.getJsonArray("entry").getJsonObject(0).getJsonObject("resource");
        JsonObject custodian = Json.createObjectBuilder().add("identifier", Json.createObjectBuilder()
                .add("system", "urn:imaging-exchange:organization-id").add("value", "hospital-b")).build();
        JsonObject entry0 = Json.createObjectBuilder(bundle.getJsonArray("entry").getJsonObject(0))
                .add("resource", with(composition, "custodian", custodian)).build();
        JsonObject edited = with(bundle, "entry", Json.createArrayBuilder(bundle.getJsonArray("entry")).set(0, entry0).build());
        HttpResponse<String> r = post("/reports/fhir/Bundle", Tokens.of("radiologist-a"), edited.toString());
        assertOperationOutcome(r, 403);
        assertEquals(0, storedFor(patient), "nothing stored");
    }

    static Stream<Arguments> impossibleDates() {
        return Stream.of(
                Arguments.of("issued", Json.createValue("2026-13-45"), "DiagnosticReport.issued"),
                Arguments.of("issued", Json.createValue(20260101), "DiagnosticReport.issued"),
                Arguments.of("issued", Json.createValue("20260-01-01T10:00:00Z"), "DiagnosticReport.issued"),
                Arguments.of("effectiveDateTime", Json.createValue("2026-99-99"), "DiagnosticReport.effectiveDateTime"));
    }

    @ParameterizedTest(name = "{0}={1} -> 422")
    @MethodSource("impossibleDates")
    void create_impossibleDate_422NamingTheElement(String member, JsonValue value, String location) {
        String patient = freshPatient();
        HttpResponse<String> r = post(REPORTS, Tokens.of("hospital-a"), with(example(patient, freshUid()), member, value).toString());
        assertOperationOutcome(r, 422);
        boolean named = json(r).getJsonArray("issue").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getJsonArray("expression").getString(0).equals(location));
        assertTrue(named, "an issue at " + location + ": " + r.body());
        assertEquals(0, storedFor(patient), "nothing stored");
    }

    @Test
    void create_withoutToken_401() {
        String patient = freshPatient();
        HttpResponse<String> r = post(REPORTS, null, example(patient, freshUid()).toString());
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").matches("application/(problem|fhir)\\+json.*"),
                "problem body: " + r.headers().map() + " " + r.body());
        assertEquals(0, storedFor(patient));
    }

    @Test
    void create_asClinicianWithoutAuthorRole_403() {
        String patient = freshPatient();
        HttpResponse<String> r = post(REPORTS, Tokens.of("clinician-b"), example(patient, freshUid()).toString());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").matches("application/(problem|fhir)\\+json.*"),
                "problem body: " + r.headers().map() + " " + r.body());
        assertEquals(0, storedFor(patient));
    }

    @Test
    void read_custodianWithoutConsentService_503FailClosed() {
        HttpResponse<String> created = post(REPORTS, Tokens.of("hospital-a"), example(freshPatient(), freshUid()).toString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> r = Http.get(REPORTS + "/" + json(created).getString("id"), Tokens.of("hospital-a"));
        assertOperationOutcome(r, 503);
        assertTrue(r.body().contains("consent"), "names the consent outage, not the report: " + r.body());
        assertTrue(!r.body().contains("hospital") && !r.body().contains("127.0.0.1"), "no internal names: " + r.body());
    }

    @Test
    void read_unknownId_404() {
        assertOperationOutcome(Http.get(REPORTS + "/" + UUID.randomUUID(), Tokens.of("hospital-a")), 404);
    }

    @Test
    void search_byPatientAndStudy_searchsetWithTotalAfterConsent() {
        String patient = freshPatient();
        String uid = freshUid();
        assertEquals(201, post(REPORTS, Tokens.of("hospital-a"), example(patient, uid).toString()).statusCode());
        for (String query : new String[] {"?patient:identifier=" + patient, "?study-instance-uid=" + uid,
                "?identifier=urn:dicom:uid%7Curn:oid:" + uid + "&_count=5"}) {
            HttpResponse<String> r = Http.get(REPORTS + query, Tokens.of("hospital-a"));
            assertEquals(200, r.statusCode(), query + " " + r.body());
            JsonObject bundle = json(r);
            assertEquals("searchset", bundle.getString("type"));
            String self = bundle.getJsonArray("link").getJsonObject(0).getString("url");
            assertEquals(publicFhirBase() + "/DiagnosticReport" + query, self,
                    "self link: public FHIR base and the query as sent");
            assertEquals(0, bundle.getInt("total"), "consent unreachable standalone: the stored report is filtered out before counting");
        }
        assertEquals(1, storedFor(patient));
    }

    @Test
    void search_invalidParameters_400NamingParameter() {
        HttpResponse<String> r = Http.get(REPORTS + "?study-instance-uid=1.02.3", Tokens.of("hospital-a"));
        assertOperationOutcome(r, 400);
        assertEquals("study-instance-uid", json(r).getJsonArray("issue").getJsonObject(0).getJsonArray("expression").getString(0));
        assertOperationOutcome(Http.get(REPORTS, Tokens.of("hospital-a")), 400);
        assertOperationOutcome(Http.get(REPORTS + "?patient=x", Tokens.of("hospital-a")), 400);
        String[][] cases = {{"?patient:identifier=x&_count=0", "_count"}, {"?patient:identifier=x&_count=-1", "_count"},
                {"?patient:identifier=x&_offset=-1", "_offset"}, {"?patient:identifier=x&patient:identifier=y", "patient:identifier"}};
        for (String[] c : cases) {
            HttpResponse<String> bad = Http.get(REPORTS + c[0], Tokens.of("hospital-a"));
            assertOperationOutcome(bad, 400);
            assertEquals(c[1], json(bad).getJsonArray("issue").getJsonObject(0).getJsonArray("expression").getString(0),
                    c[0] + " names the parameter");
        }
    }

    @Test
    void search_withoutTokenOrRole_401And403() {
        assertEquals(401, Http.get(REPORTS + "?patient:identifier=x", null).statusCode());
        assertEquals(403, Http.get(REPORTS + "?patient:identifier=x", Tokens.of("auditor")).statusCode());
    }

    static Stream<BadInputCorpus.Case> badInputs() {
        String body = with(example(freshPatient(), freshUid()), "issued", Json.createValue("ISSUED")).toString()
                .replace("\"ISSUED\"", "%ISSUED%");
        return BadInputCorpus.forFhirResource(REPORTS, Tokens.of("hospital-a"), body).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInput_clean4xxProblemWithoutInternals(BadInputCorpus.Case c) {
        BadInputCorpus.assertClean(c, BadInputCorpus.send(
                Integer.parseInt(System.getProperty("it.http.port", "9080")), c));
    }
}
