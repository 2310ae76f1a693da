package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A crawl was asked for a source id that is not configured: HTTP 400 naming the {@code source} member. */
public class UnknownSourceException extends ProblemException {

    /** @param sourceId the id asked for */
    public UnknownSourceException(String sourceId) {
        super("unknown-source", 400, "Bad request", "No source archive '" + sourceId + "' is configured.",
                List.of(new Issue("source", "unknown source id")), null);
    }
}
