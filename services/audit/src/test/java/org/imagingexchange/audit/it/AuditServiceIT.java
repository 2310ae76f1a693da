package org.imagingexchange.audit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit service on its own Liberty server against PostgreSQL and the real Keycloak. */
class AuditServiceIT {

    private static final String EVENTS = "/audit/api/events";
    private static final String SEARCH = "/audit/fhir/AuditEvent";
    private static final String JSON = "application/json";

    /** @return the public FHIR base the IT server is configured with (pom: exchange.public-fhir-base) */
    private static String publicFhirBase() {
        return Http.base() + "/fhir";
    }

    @BeforeAll
    static void waitUntilReady() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            try {
                if (Http.get("/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("audit service did not become ready");
    }

    static String record(String eventId, String patientId, String entityId) {
        return Json.createObjectBuilder()
                .add("eventId", eventId)
                .add("recorded", Instant.now().toString())
                .add("pattern", "PATIENT_READ")
                .add("outcome", "SUCCESS")
                .add("outcomeDetail", "")
                .add("source", "study-registry")
                .add("correlationId", "it-" + eventId)
                .add("agent", Json.createObjectBuilder().add("userId", "sub-it").add("username", "radiologist-a")
                        .add("clientId", "exchange-cli").add("organizationId", "hospital-a").add("country", "NL")
                        .add("purposeOfUse", "TREAT"))
                .add("patients", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", patientId).add("issuer", "urn:oid:1.2.3.4")))
                .add("entities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "ImagingStudy").add("identifier", entityId).add("description", "CT")))
                .build().toString();
    }

    static String ingest(String patientId) {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> r = Http.post(EVENTS, Tokens.of("exchange-platform"), JSON,
                record(eventId, patientId, "1.2.826.0.1." + Math.abs(eventId.hashCode())));
        assertEquals(201, r.statusCode(), "ingest should create: " + r.body());
        return eventId;
    }

    static String uniquePatient() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> ids(HttpResponse<String> bundle) {
        JsonObject b = (JsonObject) Http.json(bundle);
        assertEquals("searchset", b.getString("type"), "a searchset Bundle: " + bundle.body());
        return b.getJsonArray("entry") == null ? List.of() : b.getJsonArray("entry").stream()
                .map(JsonValue::asJsonObject).map(e -> e.getJsonObject("resource").getString("id")).toList();
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void health_readyAndLive_up() {
        assertEquals(200, Http.get("/health/ready", null).statusCode(), "ready when the database answers");
        assertEquals(200, Http.get("/health/live", null).statusCode());
    }

    @Test
    void metrics_prometheusText_hasIngestAndOutboxMetrics() {
        ingest(uniquePatient());
        HttpResponse<String> r = Http.get("/audit/metrics", null);

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("audit_events_ingested_total"), "ingest counter exposed");
        assertTrue(r.body().contains("audit_outbox_backlog"), "outbox backlog gauge exposed");
    }

    @Test
    void openapi_documentsTheEndpoints() {
        HttpResponse<String> r = Http.get("/openapi", null);

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/audit/api/events") || r.body().contains("/api/events"), r.body());
    }

    @Test
    void ingest_newThenSameEventId_201Then200() {
        String eventId = UUID.randomUUID().toString();
        String body = record(eventId, uniquePatient(), "1.2.3");

        HttpResponse<String> first = Http.post(EVENTS, Tokens.of("exchange-platform"), JSON, body);
        HttpResponse<String> second = Http.post(EVENTS, Tokens.of("exchange-platform"), JSON, body);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(publicFhirBase() + "/AuditEvent/" + eventId, first.headers().firstValue("Location").orElse(""),
                "Location of the AuditEvent under the public FHIR base");
        assertEquals(200, second.statusCode(), "a duplicate is acknowledged, not stored again: " + second.body());
        JsonObject a = (JsonObject) Http.json(first);
        JsonObject b = (JsonObject) Http.json(second);
        assertEquals(a.getJsonNumber("sequence"), b.getJsonNumber("sequence"), "the duplicate names the stored row");
        assertFalse(b.getBoolean("created"));
    }

    @Test
    void ingest_hospitalToken_403Problem() {
        HttpResponse<String> r = Http.post(EVENTS, Tokens.of("hospital-a"), JSON,
                record(UUID.randomUUID().toString(), uniquePatient(), "1.2.3"));

        assertEquals(403, r.statusCode(), "only exchange-service may write the trail");
        assertEquals(403, Http.problem(r).getInt("status"));
    }

    @Test
    void ingest_noToken_401Problem() {
        HttpResponse<String> r = Http.post(EVENTS, null, JSON, record(UUID.randomUUID().toString(), "X", "1.2.3"));

        assertEquals(401, r.statusCode());
        assertEquals(401, Http.problem(r).getInt("status"));
    }

    @Test
    void ingest_malformedJson_400Problem() {
        HttpResponse<String> r = Http.post(EVENTS, Tokens.of("exchange-platform"), JSON, "{\"eventId\": ");

        assertEquals(400, r.statusCode(), r.body());
        Http.problem(r);
    }

    @Test
    void ingest_missingMembers_400NamingThem() {
        HttpResponse<String> r = Http.post(EVENTS, Tokens.of("exchange-platform"), JSON,
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"pattern\":\"READ\"}");

        assertEquals(400, r.statusCode(), r.body());
        JsonObject problem = Http.problem(r);
        List<String> locations = problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("location")).toList();
        assertTrue(locations.containsAll(List.of("recorded", "outcome", "source", "agent")), locations.toString());
    }

    @Test
    void search_auditorByPatient_findsTheEventInBalpShape() {
        String patient = uniquePatient();
        String eventId = ingest(patient);

        HttpResponse<String> r = Http.get(SEARCH + "?patient:identifier=" + q("urn:oid:1.2.3.4|" + patient),
                Tokens.of("auditor"));

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
        assertEquals(List.of(eventId), ids(r), "exactly the event about that patient");
        JsonObject event = ((JsonObject) Http.json(r)).getJsonArray("entry").getJsonObject(0).getJsonObject("resource");
        assertEquals("AuditEvent", event.getString("resourceType"));
        assertEquals("rest", event.getJsonObject("type").getString("code"));
        assertEquals("R", event.getString("action"));
    }

    @Test
    void search_countOne_pagesWithNextLink() {
        String patient = uniquePatient();
        String older = ingest(patient);
        String newer = ingest(patient);

        String query = "?patient:identifier=" + patient + "&_count=1";
        HttpResponse<String> first = Http.get(SEARCH + query, Tokens.of("auditor"));
        JsonObject bundle = (JsonObject) Http.json(first);
        String self = bundle.getJsonArray("link").getJsonObject(0).getString("url");
        String next = bundle.getJsonArray("link").stream().map(JsonValue::asJsonObject)
                .filter(l -> "next".equals(l.getString("relation"))).findFirst().orElseThrow().getString("url");
        String publicSearch = publicFhirBase() + "/AuditEvent";
        assertEquals(publicSearch + query, self, "self link: public FHIR base and the query as sent");
        assertEquals(publicSearch + "?patient:identifier=" + patient + "&_offset=1&_count=1", next,
                "next link: public FHIR base, _offset advanced");
        assertEquals(publicFhirBase() + "/AuditEvent/" + newer,
                bundle.getJsonArray("entry").getJsonObject(0).getString("fullUrl"), "fullUrl under the public FHIR base");
        // Standalone there is no gateway: follow the next link on the service's own path.
        HttpResponse<String> second = Http.get(SEARCH + next.substring(publicSearch.length()), Tokens.of("auditor"));

        assertEquals(2, bundle.getInt("total"));
        assertEquals(List.of(newer), ids(first), "newest first");
        assertEquals(List.of(older), ids(second), "the next link leads to the older one");
    }

    @Test
    void search_patientUser_seesOwnEventsOnly() {
        String own = ingest("1CT1");
        String other = ingest(uniquePatient());

        HttpResponse<String> r = Http.get(SEARCH + "?_count=500", Tokens.of("patient-1ct1"));

        assertEquals(200, r.statusCode(), r.body());
        List<String> ids = ids(r);
        assertTrue(ids.contains(own), "the patient sees events about 1CT1");
        assertFalse(ids.contains(other), "never events about someone else");
    }

    @Test
    void search_patientUserAskingForOtherPatient_403() {
        HttpResponse<String> r = Http.get(SEARCH + "?patient:identifier=4MR1", Tokens.of("patient-1ct1"));

        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("OperationOutcome"), "FHIR path errors are OperationOutcome: " + r.body());
    }

    @Test
    void search_clinician_403() {
        assertEquals(403, Http.get(SEARCH, Tokens.of("clinician-b")).statusCode());
    }

    @Test
    void search_badDate_400() {
        HttpResponse<String> r = Http.get(SEARCH + "?date=yesterday", Tokens.of("auditor"));

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("date"), "the parameter is named: " + r.body());
    }

    @Test
    void search_commonParameterErrors_400OperationOutcomeNamingTheParameter() {
        String[][] cases = {{"?patient:identifier=P&_count=0", "_count"}, {"?patient:identifier=P&_count=-1", "_count"},
                {"?patient:identifier=P&_offset=-1", "_offset"}, {"?patient:identifier=P&subject=x", "subject"},
                {"?patient:identifier=P&patient:identifier=Q", "patient:identifier"}};
        for (String[] c : cases) {
            HttpResponse<String> r = Http.get(SEARCH + c[0], Tokens.of("auditor"));
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            JsonObject issue = ((JsonObject) Http.json(r)).getJsonArray("issue").getJsonObject(0);
            assertEquals(c[1], issue.getJsonArray("expression").getString(0), c[0] + " names the parameter: " + r.body());
        }
    }

    @Test
    void integrity_afterIngests_intact() {
        ingest(uniquePatient());
        ingest(uniquePatient());

        HttpResponse<String> r = Http.get("/audit/api/integrity", Tokens.of("auditor"));

        assertEquals(200, r.statusCode(), r.body());
        JsonObject report = (JsonObject) Http.json(r);
        assertTrue(report.getBoolean("intact"), r.body());
        assertTrue(report.getJsonNumber("verified").longValue() >= 2);
        assertTrue(report.isNull("firstBrokenEventId"));
    }

    @Test
    void ingestBatch_newDuplicateAndInvalid_oneStatusEachInOrderAndChainIntact() {
        String stored = ingest(uniquePatient());
        String fresh = UUID.randomUUID().toString();
        String patient = uniquePatient();
        String body = "[" + record(fresh, patient, "1.2.3") + "," + record(stored, patient, "1.2.3")
                + ",{\"eventId\":\"no-members\"}]";

        HttpResponse<String> r = Http.post(EVENTS + "/batch", Tokens.of("exchange-platform"), JSON, body);

        assertEquals(200, r.statusCode(), r.body());
        List<JsonObject> entries = ((jakarta.json.JsonArray) Http.json(r)).getValuesAs(JsonObject.class);
        assertEquals(List.of(fresh, stored, "no-members"), entries.stream().map(e -> e.getString("eventId")).toList());
        assertEquals(List.of(201, 200, 400), entries.stream().map(e -> e.getInt("status")).toList(),
                "stored, already stored, refused: " + r.body());
        assertTrue(entries.get(2).getString("detail").contains("recorded"), "the refusal names the members: " + r.body());
        assertEquals(1, ids(Http.get(SEARCH + "?patient:identifier=" + q(patient), Tokens.of("auditor"))).size(),
                "the new record is searchable, the duplicate not stored twice");
        JsonObject report = (JsonObject) Http.json(Http.get("/audit/api/integrity", Tokens.of("auditor")));
        assertTrue(report.getBoolean("intact"), "the chain verifies after a batch: " + report);
    }

    @Test
    void ingestBatch_hospitalToken_403AndTooLarge_400() {
        assertEquals(403, Http.post(EVENTS + "/batch", Tokens.of("hospital-a"), JSON,
                "[" + record(UUID.randomUUID().toString(), uniquePatient(), "1.2.3") + "]").statusCode());
        String many = "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]";
        HttpResponse<String> r = Http.post(EVENTS + "/batch", Tokens.of("exchange-platform"), JSON, many);
        assertEquals(400, r.statusCode(), "more than 1000 records: " + r.body());
        assertTrue(r.body().contains("batch-too-large"), r.body());
    }

    @Test
    void integrity_tamperedRow_detected() throws SQLException {
        String eventId = ingest(uniquePatient());
        try (Connection c = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"))) {
            setUsername(c, eventId, "mallory");
            try {
                HttpResponse<String> r = Http.get("/audit/api/integrity", Tokens.of("auditor"));

                JsonObject report = (JsonObject) Http.json(r);
                assertFalse(report.getBoolean("intact"), "an altered row must be detected: " + r.body());
                assertEquals(eventId, report.getString("firstBrokenEventId"));
            } finally {
                setUsername(c, eventId, "radiologist-a");
            }
        }
    }

    @Test
    void integrity_patientUser_403() {
        assertEquals(403, Http.get("/audit/api/integrity", Tokens.of("patient-1ct1")).statusCode());
    }

    private static void setUsername(Connection c, String eventId, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET agent_username = ? WHERE event_id = ?")) {
            ps.setString(1, username);
            ps.setString(2, eventId);
            assertEquals(1, ps.executeUpdate(), "one row altered");
        }
    }
}
