package org.imagingexchange.retrieval.domain;

import org.imagingexchange.kit.problem.ProblemException;

/**
 * The source archive cannot produce the media type / transfer syntax the client accepts
 * (PS3.18 §8.7.3): HTTP 406.
 */
public class NotAcceptableAtSourceException extends ProblemException {

    /**
     * @param accept   the Accept value sent to the source
     * @param sourceId the source that answered 406
     */
    public NotAcceptableAtSourceException(String accept, String sourceId) {
        super("not-acceptable", 406, "Not acceptable",
                "Source archive '" + sourceId + "' cannot answer with Accept: " + accept);
    }
}
