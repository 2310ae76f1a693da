package org.imagingexchange.kit.problem;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Base of every typed error a service raises on purpose. It carries what RFC 9457 calls the problem
 * type, status and title; {@link ProblemExceptionMapper} turns it into {@code application/problem+json}
 * (or a FHIR {@code OperationOutcome} on FHIR paths). Domain code throws subclasses, never builds
 * responses itself.
 */
public class ProblemException extends RuntimeException {

    /** Prefix of the project's problem type URIs (RFC 9457 §3.1.1 allows a URN). */
    public static final String TYPE_PREFIX = "urn:imaging-exchange:problem:";

    private final URI type;
    private final int status;
    private final String title;
    private final List<Issue> issues;

    /**
     * @param slug   stable, lower-case problem identifier appended to {@link #TYPE_PREFIX}
     * @param status HTTP status code the problem becomes (4xx or 5xx)
     * @param title  short, human-readable summary that does not change between occurrences
     * @param detail explanation of this occurrence; never contains secrets or stack traces
     */
    public ProblemException(String slug, int status, String title, String detail) {
        this(slug, status, title, detail, List.of(), null);
    }

    /**
     * @param issues individual findings (e.g. missing eHN elements) rendered as {@code errors} /
     *               OperationOutcome {@code issue}; may be empty, never null
     * @param cause  underlying exception, kept for the log only; may be null
     */
    public ProblemException(String slug, int status, String title, String detail, List<Issue> issues, Throwable cause) {
        super(detail, cause);
        this.type = URI.create(TYPE_PREFIX + Objects.requireNonNull(slug));
        this.status = status;
        this.title = Objects.requireNonNull(title);
        this.issues = List.copyOf(issues);
    }

    /** @return the RFC 9457 {@code type} member */
    public URI type() {
        return type;
    }

    /** @return the HTTP status this problem is answered with */
    public int status() {
        return status;
    }

    /** @return the RFC 9457 {@code title} member */
    public String title() {
        return title;
    }

    /** @return the occurrence-specific explanation (RFC 9457 {@code detail}) */
    public String detail() {
        return getMessage();
    }

    /** @return individual findings; empty when the problem is a single one */
    public List<Issue> issues() {
        return issues;
    }

    /**
     * One finding inside a problem.
     *
     * @param location where in the input (query parameter, FHIRPath expression or eHN element id)
     * @param message  what is wrong there
     */
    public record Issue(String location, String message) {
    }
}
