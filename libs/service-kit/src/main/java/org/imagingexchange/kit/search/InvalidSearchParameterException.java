package org.imagingexchange.kit.search;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * A search parameter is unknown, repeated, missing, malformed or out of range: HTTP 400 whose one issue
 * names the parameter (problem+json {@code errors[0].location}, OperationOutcome {@code issue.expression}).
 */
public class InvalidSearchParameterException extends ProblemException {

    /**
     * @param parameter the query parameter as the client spelt it, e.g. {@code _count}
     * @param message   what is wrong with it; never echoes more than the offending value
     */
    public InvalidSearchParameterException(String parameter, String message) {
        super("invalid-search-parameter", 400, "Invalid search parameter", parameter + ": " + message,
                List.of(new Issue(parameter, message)), null);
    }
}
