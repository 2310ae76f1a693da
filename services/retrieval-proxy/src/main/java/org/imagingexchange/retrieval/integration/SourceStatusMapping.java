package org.imagingexchange.retrieval.integration;

import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.retrieval.domain.DicomObjectNotFoundException;
import org.imagingexchange.retrieval.domain.NotAcceptableAtSourceException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.SourceArchiveUnavailableException;

/**
 * The one place that maps a source archive's WADO-RS error status (PS3.18 §10.4.4) to the proxy's
 * answer: 404 stays 404; 406 stays 406; 400 also becomes 406, because the only client-controlled part of
 * the proxy's request is the Accept header (the UIDs are validated before) and some sources answer an
 * unsupported media type or transfer syntax with 400 (Orthanc 1.10 does); everything else (401/403 = our
 * credentials refused, 5xx, other 4xx, 3xx) becomes 502 naming the source. The source's body is never
 * passed on.
 */
final class SourceStatusMapping {

    private SourceStatusMapping() {
    }

    /**
     * @param status   the source's HTTP status (not 2xx)
     * @param sourceId the source
     * @param target   what was asked for
     * @param accept   the Accept sent
     * @return the problem to throw
     */
    static ProblemException toProblem(int status, String sourceId, RetrieveTarget target, String accept) {
        return switch (status) {
            case 404 -> new DicomObjectNotFoundException(target, sourceId);
            case 400, 406 -> new NotAcceptableAtSourceException(accept, sourceId);
            case 401, 403 -> new SourceArchiveUnavailableException(sourceId,
                    "refused the proxy's credentials (HTTP " + status + ").", null);
            default -> new SourceArchiveUnavailableException(sourceId, "answered HTTP " + status + ".", null);
        };
    }

    /** @return a low-cardinality metric label for an error status: {@code http_404}, {@code http_5xx}, ... */
    static String reason(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 406 -> "http_" + status;
            default -> "http_" + (status / 100) + "xx";
        };
    }
}
