package org.imagingexchange.reports.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A search parameter is missing, malformed or unsupported: HTTP 400 naming the parameter. */
public class InvalidSearchParameterException extends ProblemException {

    /**
     * @param parameter the query parameter, e.g. {@code study-instance-uid}
     * @param message   what is wrong with it
     */
    public InvalidSearchParameterException(String parameter, String message) {
        super("invalid-search-parameter", 400, "Invalid search parameter", parameter + ": " + message,
                List.of(new Issue(parameter, message)), null);
    }
}
