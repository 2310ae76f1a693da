package org.imagingexchange.kit.problem;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The one place that writes error bodies: RFC 9457 {@code application/problem+json}, or on FHIR
 * paths a FHIR R4 {@code OperationOutcome} ({@code application/fhir+json}) carrying the same facts.
 */
public final class ProblemResponses {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    /** Media type of RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Media type of FHIR JSON resources. */
    public static final String FHIR_JSON = "application/fhir+json";

    private ProblemResponses() {
    }

    /**
     * Builds the error response.
     *
     * @param problem       the problem; its status becomes the HTTP status
     * @param instance      the request path (RFC 9457 {@code instance})
     * @param correlationId the request's correlation id, echoed so callers can quote it
     * @param fhir          true to answer a FHIR OperationOutcome instead of problem+json
     * @return a response with body and content type set
     */
    public static Response of(ProblemException problem, String instance, String correlationId, boolean fhir) {
        JsonObject body = fhir ? operationOutcome(problem, correlationId) : problemJson(problem, instance, correlationId);
        return Response.status(problem.status())
                .type(MediaType.valueOf(fhir ? FHIR_JSON : PROBLEM_JSON))
                .entity(body.toString())
                .build();
    }

    /**
     * @param status 401 or 403
     * @return the problem for a refused token (401) or a missing role (403)
     */
    public static ProblemException securityProblem(int status) {
        return status == 401
                ? new ProblemException("unauthorized", 401, "Unauthorized",
                        "A valid bearer access token of the imaging realm is required.")
                : new ProblemException("forbidden", 403, "Forbidden",
                        "The token does not grant a role this operation requires.");
    }

    /** @return the RFC 9457 members plus {@code correlationId} and, where present, {@code errors} */
    static JsonObject problemJson(ProblemException problem, String instance, String correlationId) {
        JsonObjectBuilder b = JSON_PROVIDER.createObjectBuilder()
                .add("type", problem.type().toString())
                .add("title", problem.title())
                .add("status", problem.status());
        if (problem.detail() != null) {
            b.add("detail", problem.detail());
        }
        if (instance != null) {
            b.add("instance", instanceUri(instance));
        }
        if (correlationId != null) {
            b.add("correlationId", correlationId);
        }
        List<ProblemException.Issue> issues = problem.issues();
        if (!issues.isEmpty()) {
            JsonArrayBuilder errors = JSON_PROVIDER.createArrayBuilder();
            issues.forEach(i -> errors.add(JSON_PROVIDER.createObjectBuilder()
                    .add("location", i.location()).add("message", i.message())));
            b.add("errors", errors);
        }
        return b.build();
    }

    /**
     * @param path a request path, decoded or not, possibly holding characters a URI may not (spaces,
     *             control characters, {@code %} without hex digits)
     * @return the path as a relative URI reference ({@code /} first), every character outside the RFC 3986
     *         path set percent-encoded (UTF-8), so a hostile path can never make the error answer fail
     */
    static String instanceUri(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        StringBuilder b = new StringBuilder(p.length());
        byte[] bytes = p.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean hexEscape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) || hexEscape) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return URI.create(b.toString()).toString();
    }

    private static boolean isHex(byte c) {
        return Character.digit(c, 16) >= 0;
    }

    /** @return a FHIR R4 OperationOutcome with one issue per finding (or one for the whole problem) */
    static JsonObject operationOutcome(ProblemException problem, String correlationId) {
        JsonArrayBuilder issues = JSON_PROVIDER.createArrayBuilder();
        String code = fhirIssueCode(problem.status());
        if (problem.issues().isEmpty()) {
            issues.add(issue(code, problem.detail() == null ? problem.title() : problem.detail(), null));
        } else {
            problem.issues().forEach(i -> issues.add(issue(code, i.message(), i.location())));
        }
        JsonObjectBuilder b = JSON_PROVIDER.createObjectBuilder().add("resourceType", "OperationOutcome");
        if (correlationId != null) {
            b.add("id", correlationId);
        }
        return b.add("issue", issues).build();
    }

    private static JsonObjectBuilder issue(String code, String diagnostics, String location) {
        JsonObjectBuilder b = JSON_PROVIDER.createObjectBuilder()
                .add("severity", "error")
                .add("code", code)
                .add("diagnostics", diagnostics);
        if (location != null) {
            b.add("expression", JSON_PROVIDER.createArrayBuilder().add(location));
        }
        return b;
    }

    /** Maps an HTTP status to the FHIR IssueType value set (R4 valueset-issue-type). */
    static String fhirIssueCode(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404, 410 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "too-costly";
            case 422 -> "required";
            case 429 -> "throttled";
            default -> status >= 500 ? "exception" : "invalid";
        };
    }
}
