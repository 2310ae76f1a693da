package org.imagingexchange.retrieval.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * The source archive could not serve the retrieve (unreachable, timeout, refused our credentials,
 * server error): HTTP 502 naming the source. The source's own error body is never passed on.
 */
public class SourceArchiveUnavailableException extends ProblemException {

    private final String sourceId;

    /**
     * @param sourceId the failing source
     * @param detail   what failed, e.g. {@code answered HTTP 503}; without secrets
     * @param cause    underlying exception, for the log; may be null
     */
    public SourceArchiveUnavailableException(String sourceId, String detail, Throwable cause) {
        super("source-archive-unavailable", 502, "Source archive unavailable",
                "Source archive '" + sourceId + "' " + detail, List.of(), cause);
        this.sourceId = sourceId;
    }

    /**
     * For kinds of unavailability with their own problem type and status (e.g. 504).
     *
     * @param slug     problem type slug
     * @param status   HTTP status, 502 or 504
     * @param title    problem title
     * @param sourceId the failing source
     * @param detail   what failed
     */
    protected SourceArchiveUnavailableException(String slug, int status, String title, String sourceId, String detail) {
        super(slug, status, title, "Source archive '" + sourceId + "' " + detail, List.of(), null);
        this.sourceId = sourceId;
    }

    /** @return the failing source's id */
    public String sourceId() {
        return sourceId;
    }
}
