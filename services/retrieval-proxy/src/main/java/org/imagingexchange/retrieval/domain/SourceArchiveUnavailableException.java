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

    /** @return the failing source's id */
    public String sourceId() {
        return sourceId;
    }
}
