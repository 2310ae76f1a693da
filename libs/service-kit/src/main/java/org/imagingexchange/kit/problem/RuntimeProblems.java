package org.imagingexchange.kit.problem;

/**
 * Fixed, client-safe details for errors the runtime (JAX-RS, servlet container) raises itself. Their
 * own messages name internal URLs ({@code http://registry:9080/registry/fhir/...}), class names and
 * parser positions, so they are never echoed. Stateless.
 */
public final class RuntimeProblems {

    private RuntimeProblems() {
    }

    /**
     * @param status an HTTP error status (4xx or 5xx)
     * @param title  its reason phrase, used where nothing more specific can be said
     * @return a detail that names no internal URL, host, class or stack frame
     */
    public static String detail(int status, String title) {
        return switch (status) {
            case 400 -> "The request is malformed (path, parameters, headers or body).";
            case 404 -> "There is no resource at this path.";
            case 405 -> "The method is not allowed on this path.";
            case 406 -> "None of the media types the Accept header asks for can be produced here.";
            case 411 -> "A Content-Length is required.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "The request's Content-Type is not accepted here.";
            case 431 -> "The request's header fields are too large.";
            default -> status >= 500 ? "The request could not be processed." : title;
        };
    }

    /**
     * @param status an HTTP error status
     * @return the problem for it: type {@code http-<status>}, the reason phrase as title, a fixed detail
     */
    public static ProblemException of(int status) {
        jakarta.ws.rs.core.Response.StatusType type = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : status == 431 ? "Request Header Fields Too Large" : "HTTP " + status;
        return new ProblemException("http-" + status, status, title, detail(status, title));
    }
}
