package org.imagingexchange.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private static final ProblemException MISSING = new ProblemException("report-invalid", 422, "Invalid report",
            "2 required eHN elements are missing", List.of(
                    new ProblemException.Issue("DiagnosticReport.conclusion", "eHN A.5.5 impression is required"),
                    new ProblemException.Issue("DiagnosticReport.performer", "eHN A.1.5 author is required")),
            null);

    @Test
    void problemJson_issues_rfc9457MembersAndErrors() {
        JsonObject body = ProblemResponses.problemJson(MISSING, "/reports/fhir/DiagnosticReport", "cid-1");
        assertEquals("urn:imaging-exchange:problem:report-invalid", body.getString("type"), "type URI");
        assertEquals(422, body.getInt("status"), "status member equals the HTTP status");
        assertEquals("Invalid report", body.getString("title"), "title");
        assertEquals("/reports/fhir/DiagnosticReport", body.getString("instance"), "instance is the request path");
        assertEquals("cid-1", body.getString("correlationId"), "correlation id echoed");
        assertEquals(2, body.getJsonArray("errors").size(), "one error per issue");
        assertEquals("DiagnosticReport.conclusion", body.getJsonArray("errors").getJsonObject(0).getString("location"),
                "error location");
    }

    @Test
    void problemJson_noIssues_noErrorsMember() {
        JsonObject body = ProblemResponses.problemJson(new BadRequestProblem("invalid-uid", "bad UID"), null, null);
        assertFalse(body.containsKey("errors"), "no errors member without issues");
        assertFalse(body.containsKey("instance"), "no instance when the path is unknown");
        assertEquals(400, body.getInt("status"), "status");
    }

    @Test
    void operationOutcome_issues_oneIssuePerFindingWithExpression() {
        JsonObject outcome = ProblemResponses.operationOutcome(MISSING, "cid-2");
        assertEquals("OperationOutcome", outcome.getString("resourceType"), "resource type");
        assertEquals(2, outcome.getJsonArray("issue").size(), "one issue per finding");
        JsonObject first = outcome.getJsonArray("issue").getJsonObject(0);
        assertEquals("required", first.getString("code"), "422 maps to IssueType required");
        assertEquals("DiagnosticReport.conclusion", first.getJsonArray("expression").getString(0), "expression");
    }

    @Test
    void fhirIssueCode_statuses_issueTypeValueSet() {
        assertEquals("login", ProblemResponses.fhirIssueCode(401), "401");
        assertEquals("forbidden", ProblemResponses.fhirIssueCode(403), "403");
        assertEquals("not-found", ProblemResponses.fhirIssueCode(404), "404");
        assertEquals("invalid", ProblemResponses.fhirIssueCode(400), "400");
        assertEquals("exception", ProblemResponses.fhirIssueCode(503), "5xx");
    }

    @Test
    void securityProblem_401and403_stableTypes() {
        assertEquals("urn:imaging-exchange:problem:unauthorized", ProblemResponses.securityProblem(401).type().toString(),
                "401 type");
        assertEquals(403, ProblemResponses.securityProblem(403).status(), "403 status");
    }

    @org.junit.jupiter.api.Test
    void instanceUri_hostilePaths_percentEncodedNeverThrows() {
        assertEquals("/fhir/a%20b", ProblemResponses.instanceUri("/fhir/a b"));
        assertEquals("/x%00y%0A", ProblemResponses.instanceUri("x\u0000y\n"));
        assertEquals("/a%2Fb/%25zz/%C3%A9", ProblemResponses.instanceUri("/a%2Fb/%zz/\u00e9"));
    }
}
