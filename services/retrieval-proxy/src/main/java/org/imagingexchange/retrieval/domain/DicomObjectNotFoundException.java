package org.imagingexchange.retrieval.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** The source archive does not hold the requested study, series or instance: HTTP 404. */
public class DicomObjectNotFoundException extends ProblemException {

    /**
     * @param target   what was asked for
     * @param sourceId the source that answered 404
     */
    public DicomObjectNotFoundException(RetrieveTarget target, String sourceId) {
        super("not-found-at-source", 404, "Not found at source archive",
                "Source archive '" + sourceId + "' has no " + target.path().substring(1) + ".");
    }
}
