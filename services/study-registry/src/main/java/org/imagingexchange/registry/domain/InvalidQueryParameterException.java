package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A QIDO-RS or FHIR search parameter is unknown or malformed (PS3.18 §8.3.4): HTTP 400 naming it. */
public class InvalidQueryParameterException extends ProblemException {

    /**
     * @param parameter the query parameter as the client sent it
     * @param message   what is wrong with it
     */
    public InvalidQueryParameterException(String parameter, String message) {
        super("invalid-query-parameter", 400, "Bad request", "Query parameter '" + parameter + "': " + message,
                List.of(new Issue(parameter, message)), null);
    }
}
