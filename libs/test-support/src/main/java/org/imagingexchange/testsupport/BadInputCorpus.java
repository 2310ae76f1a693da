package org.imagingexchange.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A corpus of malformed requests every public path must refuse cleanly (issue: error hygiene): broken
 * encodings and control characters in the path, oversized URI and header fields, a malformed
 * {@code Accept}, unknown paths and methods, unsupported and malformed bodies, impossible dates and bad
 * paging numbers. {@link #assertClean} checks an answer: a 4xx status (501 allowed for an unknown method,
 * RFC 9110 §15.6.2), a problem+json or FHIR
 * OperationOutcome body, and no stack frame, exception or class name, runtime message id or internal URL.
 */
public final class BadInputCorpus {

    /** What gives the runtime or its internals away in an error body. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\bat [\\w.$]+\\([\\w]+\\.java:\\d+\\)|\\.java:\\d+|exception|\\b(?:java|javax|jakarta|org|com)\\.[a-z]\\w*\\.[a-z]"
                    + "|\\bSRVE\\d|\\bCWWK|RESTEASY|<html|<!doctype|:\\d{4,5}/[a-z-]+/(?:fhir|dicomweb|api)/)");

    private BadInputCorpus() {
    }

    /**
     * One malformed request.
     *
     * @param name        what is wrong, for assertion messages
     * @param requestLine the raw request line
     * @param body        request body; null for none
     * @param headers     header lines ({@code Name: value}), without Host and Connection
     * @param container   true when Open Liberty's web container refuses the request itself before any
     *                    application code (a percent escape that decodes to a control character or does not
     *                    decode): its fixed 400 body cannot be replaced, so only status and absence of
     *                    internals are checked
     */
    public record Case(String name, String requestLine, String body, List<String> headers, boolean container) {

        /** @return the name only (test reports must not print tokens) */
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * @param resource     a FHIR search/create path, e.g. {@code /reports/fhir/DiagnosticReport}
     * @param token        bearer token of a caller allowed to use it
     * @param createBody   a body the resource would accept on POST, with {@code %ISSUED%} where an issued
     *                     date goes; null when the resource accepts no POST
     * @return the cases for that resource
     */
    public static List<Case> forFhirResource(String resource, String token, String createBody) {
        String auth = "Authorization: Bearer " + token;
        List<Case> cases = new ArrayList<>();
        cases.add(get("encoded slash in an id", resource + "/a%2Fb", auth));
        cases.add(containerGet("NUL in the path", resource + "/%00", auth));
        cases.add(containerGet("CR LF in the path", resource + "/x%0D%0ASet-Cookie:%20a=b", auth));
        cases.add(containerGet("broken percent escape", resource + "/x%zz", auth));
        cases.add(get("overlong UTF-8 slash", resource + "/%C0%AF", auth));
        cases.add(get("dot segments", resource + "/..%2F..%2Fetc", auth));
        cases.add(get("unknown resource type", resource.substring(0, resource.lastIndexOf('/')) + "/NoSuchType", auth));
        cases.add(get("_count=-1", resource + "?_count=-1", auth));
        cases.add(get("_count=0", resource + "?_count=0", auth));
        cases.add(get("_count not a number", resource + "?_count=" + "9".repeat(30), auth));
        cases.add(get("unknown parameter", resource + "?no-such-parameter=1", auth));
        cases.add(get("URI of 9000 characters", resource + "?x=" + "a".repeat(9000), auth));
        cases.add(get("header field of 10000 characters", resource, auth, "X-Padding: " + "a".repeat(10_000)));
        cases.add(get("malformed Accept", resource, auth, "Accept: !!!@@@"));
        cases.add(get("Accept weight not a number", resource, auth, "Accept: application/json;q=abc"));
        cases.add(get("Accept weight above 1", resource, auth, "Accept: */*;q=0.x"));
        cases.add(new Case("unknown method", "BREW " + resource + " HTTP/1.1", null, List.of(auth), false));
        if (createBody != null) {
            cases.add(post("text/plain body", resource, "text/plain", "hello", auth));
            cases.add(post("truncated JSON", resource, "application/fhir+json", "{\"resourceType\":", auth));
            cases.add(post("JSON array", resource, "application/fhir+json", "[1,2]", auth));
            for (String issued : List.of("\"2026-13-45\"", "20260101", "\"20260-01-01T00:00:00Z\"")) {
                cases.add(post("issued " + issued, resource, "application/fhir+json", createBody.replace("%ISSUED%", issued), auth));
            }
        }
        return cases;
    }

    /**
     * The cases a front door refuses before routing anywhere: malformed {@code Accept}, oversized URI and
     * header field, control characters and broken escapes in the path, the error page's own path.
     *
     * @param path  a routed public path, e.g. {@code /fhir/DiagnosticReport}
     * @param token bearer token of a caller allowed to use it
     * @return the cases
     */
    public static List<Case> forFrontDoor(String path, String token) {
        String auth = "Authorization: Bearer " + token;
        return List.of(get("malformed Accept", path, auth, "Accept: !!!@@@"),
                get("Accept weight not a number", path, auth, "Accept: application/dicom+json;q=abc"),
                get("header field of 10000 characters", path, auth, "X-Padding: " + "a".repeat(10_000)),
                get("URI of 9000 characters", path + "?x=" + "a".repeat(9000), auth),
                get("the error page itself", "/.container-error", auth),
                containerGet("NUL in the path", path + "/%00", auth),
                containerGet("broken percent escape", path + "/x%zz", auth));
    }

    private static Case get(String name, String target, String... headers) {
        return new Case(name, "GET " + target + " HTTP/1.1", null, List.of(headers), false);
    }

    private static Case containerGet(String name, String target, String... headers) {
        return new Case(name, "GET " + target + " HTTP/1.1", null, List.of(headers), true);
    }

    private static Case post(String name, String target, String contentType, String body, String auth) {
        return new Case(name, "POST " + target + " HTTP/1.1", body, List.of(auth, "Content-Type: " + contentType), false);
    }

    /**
     * @param port server port on 127.0.0.1
     * @param c    the case
     * @return the server's answer
     */
    public static RawHttp.Answer send(int port, Case c) {
        List<String> headers = new ArrayList<>(c.headers());
        if (c.body() != null) {
            headers.add("Content-Length: " + c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            String[] h = headers.toArray(String[]::new);
            return RawHttp.sendWithBody(port, c.requestLine(), c.body(), h);
        }
        return RawHttp.send(port, c.requestLine(), headers.toArray(String[]::new));
    }

    /**
     * @param c      the case
     * @param answer the server's answer
     * @throws AssertionError naming the case when the answer is not a clean 4xx problem
     */
    public static void assertClean(Case c, RawHttp.Answer answer) {
        String where = c.name() + " (" + c.requestLine().substring(0, Math.min(80, c.requestLine().length())) + "): ";
        boolean unknownMethod = !c.requestLine().startsWith("GET ") && !c.requestLine().startsWith("POST ");
        if ((answer.status() < 400 || answer.status() > 499) && !(unknownMethod && answer.status() == 501)) {
            throw new AssertionError(where + "expected a 4xx status, got " + answer.status() + " " + answer.body());
        }
        java.util.regex.Matcher leak = LEAK.matcher(answer.body());
        if (leak.find()) {
            throw new AssertionError(where + "the body gives internals away ('" + leak.group() + "'): " + answer.body());
        }
        if (c.container()) {
            if (answer.status() != 400) {
                throw new AssertionError(where + "expected the container's 400, got " + answer.status() + " " + answer.body());
            }
            return;
        }
        String type = answer.contentType();
        if (!type.startsWith("application/problem+json") && !type.startsWith("application/fhir+json")) {
            throw new AssertionError(where + "expected problem+json or an OperationOutcome, got '" + type + "': " + answer.body());
        }
        if (!answer.body().contains("\"status\"") && !answer.body().contains("OperationOutcome")) {
            throw new AssertionError(where + "no problem or OperationOutcome body: " + answer.body());
        }
    }
}
