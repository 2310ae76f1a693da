package org.imagingexchange.consent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.imagingexchange.testsupport.BadInputCorpus;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consent service on its own Liberty server (PostgreSQL, real Keycloak), region default opt-in.
 * Every test uses its own Patient IDs, so tests stand alone in any order.
 */
class ConsentServiceIT {

    private static final String FHIR = "application/fhir+json";
    private static final String CONSENT = "/consent/fhir/Consent";
    private static final String DECISIONS = "/consent/api/decisions";

    /** @return the public FHIR base the IT server is configured with (pom: exchange.public-fhir-base) */
    private static String publicFhirBase() {
        return Http.base() + "/fhir";
    }

    @BeforeAll
    static void waitUntilReady() throws InterruptedException {
        // Liberty reports the server started before the WAR is; on a busy build machine that takes minutes.
        for (int i = 0; i < 400; i++) {
            if (Http.get("/health/ready", null).statusCode() == 200) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("consent server never became ready");
    }

    private static String patient() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String consent(String patientId, String type, String organization) {
        String actor = organization == null ? "" : """
                ,"actor":[{"reference":{"type":"Organization",
                  "identifier":{"system":"urn:imaging-exchange:organization-id","value":"%s"}}}]""".formatted(organization);
        return """
                {"resourceType":"Consent","status":"active",
                 "patient":{"identifier":{"system":"urn:oid:2.16.840.1.113883.2.4.6.3","value":"%s"}},
                 "provision":{"type":"%s"%s}}""".formatted(patientId, type, actor);
    }

    private static HttpResponse<String> postConsent(String token, String body) {
        return Http.post(CONSENT, token, FHIR, body);
    }

    private static JsonObject decide(String patientId, String requesterOrg, String country, String custodian) {
        String body = """
                {"patientId":"%s","patientIdIssuer":"","requesterOrganizationId":"%s","requesterCountry":"%s",
                 "requesterId":"it","purposeOfUse":"TREAT","dataClass":"IMAGING_STUDY","custodianOrganizationId":"%s"}"""
                .formatted(patientId, requesterOrg, country, custodian);
        HttpResponse<String> r = Http.post(DECISIONS, Tokens.of("exchange-platform"), "application/json", body);
        assertEquals(200, r.statusCode(), "decision answered: " + r.body());
        return (JsonObject) Http.json(r);
    }

    /** A decision for clinician-b of hospital-b (BE) about hospital-a's study, for a purpose, with or without the emergency role. */
    private static JsonObject decideFor(String patientId, String purpose, boolean emergencyAccess) {
        String body = """
                {"patientId":"%s","patientIdIssuer":"","requesterOrganizationId":"hospital-b","requesterCountry":"BE",
                 "requesterId":"clinician-b","purposeOfUse":"%s","dataClass":"IMAGING_STUDY",
                 "custodianOrganizationId":"hospital-a","emergencyAccess":%s}""".formatted(patientId, purpose, emergencyAccess);
        HttpResponse<String> r = Http.post(DECISIONS, Tokens.of("exchange-platform"), "application/json", body);
        assertEquals(200, r.statusCode(), "decision answered: " + r.body());
        return (JsonObject) Http.json(r);
    }

    private static JsonObject operationOutcome(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(FHIR), "FHIR error body: " + r.headers().map());
        JsonObject oo = (JsonObject) Http.json(r);
        assertEquals("OperationOutcome", oo.getString("resourceType"), r.body());
        return oo;
    }

    @Test
    void health_ready_isUpWithDatabaseCheck() {
        HttpResponse<String> r = Http.get("/health/ready", null);

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("consent-database"), "readiness names the database check: " + r.body());
    }

    @Test
    void metrics_prometheusText_includesJvmAndDecisionCounters() {
        decide(patient(), "hospital-a", "NL", "hospital-a");

        HttpResponse<String> r = Http.get("/consent/metrics", null);

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("jvm_memory"), "JVM metrics exposed");
        assertTrue(r.body().contains("consent_policy_decisions_total"), "decision counter exposed");
    }

    @Test
    void openapi_documentsBothEndpoints() {
        HttpResponse<String> r = Http.get("/openapi", null);

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/fhir/Consent") && r.body().contains("/api/decisions/batch"),
                "OpenAPI lists the FHIR and decision paths: " + r.body());
    }

    @Test
    void decide_withoutToken_is401ProblemJson() {
        HttpResponse<String> r = Http.post(DECISIONS, null, "application/json", "{}");

        assertEquals(401, r.statusCode());
        assertEquals(401, Http.problem(r).getInt("status"));
    }

    @Test
    void decide_withHospitalToken_is403ProblemJson() {
        HttpResponse<String> r = Http.post(DECISIONS, Tokens.of("hospital-a"), "application/json",
                "{\"patientId\":\"X\",\"dataClass\":\"IMAGING_STUDY\"}");

        assertEquals(403, r.statusCode(), "consent-manager is not exchange-service");
        assertEquals(403, Http.problem(r).getInt("status"));
    }

    @Test
    void decide_withoutDataClass_is400NamingIt() {
        HttpResponse<String> r = Http.post(DECISIONS, Tokens.of("exchange-platform"), "application/json",
                "{\"patientId\":\"" + patient() + "\"}");

        assertEquals(400, r.statusCode());
        assertTrue(Http.problem(r).getString("detail").contains("dataClass"), r.body());
    }

    @Test
    void postConsent_clinicianWithoutConsentRole_is403OperationOutcome() {
        HttpResponse<String> r = postConsent(Tokens.of("clinician-b"), consent(patient(), "permit", null));

        assertEquals(403, r.statusCode(), r.body());
        assertEquals("forbidden", operationOutcome(r).getJsonArray("issue").getJsonObject(0).getString("code"));
    }

    @Test
    void postConsent_patientForOwnId_is201() {
        // Limited to an organisation of its own, so it changes no other test's decisions for 1CT1.
        HttpResponse<String> r = postConsent(Tokens.of("patient-1ct1"), consent("1CT1", "permit", "org-" + patient()));

        assertEquals(201, r.statusCode(), r.body());
        JsonObject stored = (JsonObject) Http.json(r);
        assertEquals("Consent", stored.getString("resourceType"));
        assertEquals(publicFhirBase() + "/Consent/" + stored.getString("id"), r.headers().firstValue("Location").orElse(""),
                "Location names the stored Consent under the public FHIR base");
    }

    @Test
    void postConsent_patientForAnotherPatient_is403() {
        HttpResponse<String> r = postConsent(Tokens.of("patient-1ct1"), consent("4MR1", "deny", null));

        assertEquals(403, r.statusCode(), r.body());
        operationOutcome(r);
    }

    @Test
    void readConsent_patientReadingAnotherPatients_is404LikeAnUnknownId() {
        HttpResponse<String> created = postConsent(Tokens.of("hospital-a"), consent(patient(), "permit", null));
        String id = ((JsonObject) Http.json(created)).getString("id");

        HttpResponse<String> r = Http.get(CONSENT + "/" + id, Tokens.of("patient-1ct1"));

        assertEquals(404, r.statusCode(), r.body());
        operationOutcome(r);
    }

    @Test
    void postConsent_namingAnotherOrganizationAsCustodian_is403AndNothingStored() {
        String patientId = patient();
        String body = consent(patientId, "permit", "hospital-b").replace("\"provision\"",
                "\"organization\":[{\"identifier\":{\"system\":\"urn:imaging-exchange:organization-id\",\"value\":\"hospital-a\"}}],\"provision\"");

        HttpResponse<String> r = postConsent(Tokens.of("hospital-b"), body);

        assertEquals(403, r.statusCode(), r.body());
        operationOutcome(r);
        JsonObject bundle = (JsonObject) Http.json(Http.get(CONSENT + "?patient:identifier=" + patientId, Tokens.of("hospital-a")));
        assertEquals(0, bundle.getInt("total"), "nothing stored: " + bundle);
    }

    @Test
    void otherOrganizationsConsent_hiddenFromReadSearchAndDecisions() {
        String patientId = patient();
        HttpResponse<String> created = postConsent(Tokens.of("hospital-b"), consent(patientId, "permit", "hospital-b"));
        assertEquals(201, created.statusCode(), created.body());
        String id = ((JsonObject) Http.json(created)).getString("id");

        HttpResponse<String> read = Http.get(CONSENT + "/" + id, Tokens.of("hospital-a"));
        assertEquals(404, read.statusCode(), "another organisation's Consent reads like an unknown id: " + read.body());
        assertEquals(404, Http.get(CONSENT + "/" + UUID.randomUUID(), Tokens.of("hospital-a")).statusCode());
        JsonObject bundle = (JsonObject) Http.json(Http.get(CONSENT + "?patient:identifier=" + patientId, Tokens.of("hospital-a")));
        assertEquals(0, bundle.getInt("total"), "hospital-a does not find hospital-b's Consent: " + bundle);
        JsonObject d = decide(patientId, "hospital-b", "BE", "hospital-a");
        assertEquals("DENY", d.getString("decision"), "hospital-b's own permit does not open hospital-a's data: " + d);
    }

    @Test
    void postConsent_consentManagerForOwnOrganization_isStoredReadableAndSearchable() {
        String patientId = patient();
        HttpResponse<String> created = postConsent(Tokens.of("hospital-a"), consent(patientId, "permit", "hospital-b"));
        assertEquals(201, created.statusCode(), created.body());
        String id = ((JsonObject) Http.json(created)).getString("id");
        JsonObject organization = ((JsonObject) Http.json(created)).getJsonArray("organization").getJsonObject(0);
        assertEquals("hospital-a", organization.getJsonObject("identifier").getString("value"),
                "Consent.organization filled in from the token: " + organization);

        HttpResponse<String> read = Http.get(CONSENT + "/" + id, Tokens.of("hospital-a"));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(patientId, ((JsonObject) Http.json(read)).getJsonObject("patient").getJsonObject("identifier").getString("value"));

        String token = URLEncoder.encode("urn:oid:2.16.840.1.113883.2.4.6.3|" + patientId, StandardCharsets.UTF_8);
        HttpResponse<String> search = Http.get(CONSENT + "?patient:identifier=" + token, Tokens.of("hospital-a"));
        assertEquals(200, search.statusCode(), search.body());
        JsonObject bundle = (JsonObject) Http.json(search);
        assertEquals("searchset", bundle.getString("type"));
        assertEquals(1, bundle.getInt("total"), "exactly the one Consent of this patient");
        assertEquals(id, bundle.getJsonArray("entry").getJsonObject(0).getJsonObject("resource").getString("id"));
        assertEquals(publicFhirBase() + "/Consent/" + id, bundle.getJsonArray("entry").getJsonObject(0).getString("fullUrl"),
                "fullUrl under the public FHIR base");
        assertEquals(publicFhirBase() + "/Consent?patient:identifier=" + token,
                bundle.getJsonArray("link").getJsonObject(0).getString("url"), "self link: public base and the query as sent");
    }

    @Test
    void search_patientWithoutParameter_findsOwnConsents() {
        HttpResponse<String> r = Http.get(CONSENT, Tokens.of("patient-1ct1"));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("searchset", ((JsonObject) Http.json(r)).getString("type"));
    }

    @Test
    void search_commonParameterErrors_400OperationOutcomeNamingTheParameter() {
        String[][] cases = {{"&_count=0", "_count"}, {"&_count=-1", "_count"}, {"&_offset=-1", "_offset"},
                {"&patient=x", "patient"}, {"&patient:identifier=other", "patient:identifier"}};
        for (String[] c : cases) {
            HttpResponse<String> r = Http.get(CONSENT + "?patient:identifier=" + patient() + c[0], Tokens.of("hospital-a"));
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            JsonObject issue = operationOutcome(r).getJsonArray("issue").getJsonObject(0);
            assertEquals(c[1], issue.getJsonArray("expression").getString(0), c[0] + " names the parameter: " + r.body());
        }
    }

    @Test
    void search_countOne_pagesWithNextLink() {
        String patientId = patient();
        assertEquals(201, postConsent(Tokens.of("hospital-a"), consent(patientId, "permit", "hospital-b")).statusCode());
        assertEquals(201, postConsent(Tokens.of("hospital-a"), consent(patientId, "deny", "hospital-c")).statusCode());

        JsonObject bundle = (JsonObject) Http.json(Http.get(CONSENT + "?patient:identifier=" + patientId + "&_count=1",
                Tokens.of("hospital-a")));

        assertEquals(2, bundle.getInt("total"), bundle.toString());
        assertEquals(1, bundle.getJsonArray("entry").size(), bundle.toString());
        assertEquals(publicFhirBase() + "/Consent?patient:identifier=" + patientId + "&_offset=1&_count=1",
                bundle.getJsonArray("link").getJsonObject(1).getString("url"), "next link: public base, _offset advanced");
    }

    @Test
    void read_unknownId_is404OperationOutcome() {
        HttpResponse<String> r = Http.get(CONSENT + "/" + UUID.randomUUID(), Tokens.of("hospital-a"));

        assertEquals(404, r.statusCode());
        operationOutcome(r);
    }

    @Test
    void postConsent_withoutProvisionType_is422NamingTheElement() {
        HttpResponse<String> r = postConsent(Tokens.of("hospital-a"), """
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"%s"}},"provision":{}}"""
                .formatted(patient()));

        assertEquals(422, r.statusCode(), r.body());
        JsonArray expr = operationOutcome(r).getJsonArray("issue").getJsonObject(0).getJsonArray("expression");
        assertEquals("Consent.provision.type", expr.getString(0));
    }

    @Test
    void postConsent_notAConsent_is400OperationOutcome() {
        HttpResponse<String> r = postConsent(Tokens.of("hospital-a"), "{\"resourceType\":\"Patient\"}");

        assertEquals(400, r.statusCode(), r.body());
        operationOutcome(r);
    }

    @Test
    void decide_requesterIsCustodian_permits() {
        JsonObject d = decide(patient(), "hospital-a", "NL", "hospital-a");

        assertEquals("PERMIT", d.getString("decision"));
        assertEquals("custodian", d.getString("reason"));
    }

    @Test
    void decide_optInWithoutConsent_denies() {
        JsonObject d = decide(patient(), "hospital-b", "BE", "hospital-a");

        assertEquals("DENY", d.getString("decision"));
        assertEquals("opt-in-no-consent", d.getString("reason"));
    }

    @Test
    void decide_afterPermitConsent_permitsThatOrganization() {
        String patientId = patient();
        HttpResponse<String> created = postConsent(Tokens.of("hospital-a"), consent(patientId, "permit", "hospital-b"));
        String id = ((JsonObject) Http.json(created)).getString("id");

        JsonObject d = decide(patientId, "hospital-b", "BE", "hospital-a");

        assertEquals("PERMIT", d.getString("decision"), d.toString());
        assertEquals("consent-permit", d.getString("reason"));
        assertEquals(id, d.getString("policyId"), "the deciding Consent is named");
    }

    @Test
    void decide_permitLimitedToResearch_opensResearchOnly() {
        String patientId = patient();
        String body = consent(patientId, "permit", "hospital-b").replace("\"provision\":{",
                "\"provision\":{\"purpose\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActReason\",\"code\":\"HRESCH\"}],");
        HttpResponse<String> created = postConsent(Tokens.of("hospital-a"), body);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("HRESCH"), "the stored Consent keeps its purpose: " + created.body());

        assertEquals("DENY", decideFor(patientId, "TREAT", false).getString("decision"));
        assertEquals("PERMIT", decideFor(patientId, "HRESCH", false).getString("decision"));
    }

    @Test
    void decide_breakGlass_onlyWithEmergencyRoleAndEtreat() {
        String patientId = patient();
        postConsent(Tokens.of("hospital-a"), consent(patientId, "deny", "hospital-b"));

        JsonObject emergency = decideFor(patientId, "ETREAT", true);
        assertEquals("PERMIT", emergency.getString("decision"), emergency.toString());
        assertEquals("emergency-override", emergency.getString("reason"));
        assertEquals("DENY", decideFor(patientId, "ETREAT", false).getString("decision"), "no emergency role");
        assertEquals("DENY", decideFor(patientId, "TREAT", true).getString("decision"), "not an emergency");
    }

    @Test
    void postConsent_unknownPurposeCode_is422NamingTheElement() {
        String body = consent(patient(), "permit", "hospital-b").replace("\"provision\":{",
                "\"provision\":{\"purpose\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActReason\",\"code\":\"NOPE\"}],");
        HttpResponse<String> r = postConsent(Tokens.of("hospital-a"), body);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("Consent.provision.purpose[0].code"), r.body());
    }

    @Test
    void decide_denyAndPermitConsents_denyWins() {
        String patientId = patient();
        assertEquals(201, postConsent(Tokens.of("hospital-a"), consent(patientId, "permit", "hospital-b")).statusCode());
        assertEquals(201, postConsent(Tokens.of("hospital-a"), consent(patientId, "deny", null)).statusCode());

        JsonObject d = decide(patientId, "hospital-b", "BE", "hospital-a");

        assertEquals("DENY", d.getString("decision"), d.toString());
        assertEquals("consent-deny", d.getString("reason"));
    }

    @Test
    void permitFeed_followsNewDirectivesInOrder_permitAndDenyMarked() {
        HttpResponse<String> start = Http.get("/consent/api/permits?limit=1000", Tokens.of("exchange-platform"));
        assertEquals(200, start.statusCode(), start.body());
        long last = ((JsonObject) Http.json(start)).getJsonNumber("last").longValue();
        JsonObject page = (JsonObject) Http.json(start);
        while (page.getJsonArray("entries").size() == 1000) {
            page = (JsonObject) Http.json(Http.get("/consent/api/permits?limit=1000&after=" + last, Tokens.of("exchange-platform")));
            last = page.getJsonNumber("last").longValue();
        }
        String patientId = patient();
        String permit = ((JsonObject) Http.json(postConsent(Tokens.of("hospital-a"),
                consent(patientId, "permit", "hospital-b")))).getString("id");
        String deny = ((JsonObject) Http.json(postConsent(Tokens.of("hospital-a"), consent(patientId, "deny", null))))
                .getString("id");

        HttpResponse<String> r = Http.get("/consent/api/permits?after=" + last, Tokens.of("exchange-platform"));

        assertEquals(200, r.statusCode(), r.body());
        JsonObject next = (JsonObject) Http.json(r);
        assertEquals("opt-in", next.getString("regionPolicy"));
        JsonArray entries = next.getJsonArray("entries");
        JsonObject first = entries.getJsonObject(entries.size() - 2);
        JsonObject second = entries.getJsonObject(entries.size() - 1);
        assertEquals(permit, first.getString("consentId"));
        assertEquals(patientId, first.getString("patientId"));
        assertEquals("hospital-b", first.getString("organizationId"));
        assertEquals("hospital-a", first.getString("custodianOrganizationId"));
        assertTrue(first.getBoolean("permit"), first.toString());
        assertEquals(deny, second.getString("consentId"));
        assertEquals(false, second.getBoolean("permit"), "a deny opens nothing");
        assertTrue(second.getJsonNumber("sequence").longValue() > first.getJsonNumber("sequence").longValue());
        assertEquals(second.getJsonNumber("sequence").longValue(), next.getJsonNumber("last").longValue());
    }

    @Test
    void permitFeed_onlyForServices_andBoundsChecked() {
        assertEquals(403, Http.get("/consent/api/permits", Tokens.of("hospital-a")).statusCode());
        assertEquals(401, Http.get("/consent/api/permits", null).statusCode());
        HttpResponse<String> r = Http.get("/consent/api/permits?limit=5000", Tokens.of("exchange-platform"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("limit"), r.body());
        assertEquals(400, Http.get("/consent/api/permits?after=-1", Tokens.of("exchange-platform")).statusCode());
    }

    @Test
    void decideBatch_mixedRequests_answersInRequestOrder() {
        String permitted = patient();
        postConsent(Tokens.of("hospital-a"), consent(permitted, "permit", null));
        String body = """
                [{"patientId":"%s","requesterOrganizationId":"hospital-b","dataClass":"IMAGING_REPORT","custodianOrganizationId":"hospital-a"},
                 {"patientId":"%s","requesterOrganizationId":"hospital-b","dataClass":"IMAGING_REPORT","custodianOrganizationId":"hospital-a"},
                 {"patientId":"","requesterOrganizationId":"hospital-a","dataClass":"IMAGING_STUDY","custodianOrganizationId":"hospital-a"}]"""
                .formatted(permitted, patient());

        HttpResponse<String> r = Http.post(DECISIONS + "/batch", Tokens.of("exchange-platform"), "application/json", body);

        assertEquals(200, r.statusCode(), r.body());
        JsonArray a = (JsonArray) Http.json(r);
        assertEquals("consent-permit", a.getJsonObject(0).getString("reason"));
        assertEquals("opt-in-no-consent", a.getJsonObject(1).getString("reason"));
        assertEquals("missing-patient-id", a.getJsonObject(2).getString("reason"));
    }

    static java.util.stream.Stream<BadInputCorpus.Case> badInputs() {
        return BadInputCorpus.forFhirResource(CONSENT, Tokens.of("hospital-a"), null).stream();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void badInput_clean4xxProblemWithoutInternals(BadInputCorpus.Case c) {
        BadInputCorpus.assertClean(c, BadInputCorpus.send(Integer.parseInt(System.getProperty("it.http.port", "9080")), c));
    }
}
