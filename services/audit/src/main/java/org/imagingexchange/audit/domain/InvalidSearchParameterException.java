package org.imagingexchange.audit.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A FHIR search parameter is unknown or malformed: HTTP 400 (OperationOutcome on /fhir/ paths). */
public class InvalidSearchParameterException extends ProblemException {

    /**
     * @param parameter the parameter name as sent, e.g. {@code date}
     * @param message   what is wrong with it
     */
    public InvalidSearchParameterException(String parameter, String message) {
        super("invalid-search-parameter", 400, "Invalid search parameter", parameter + ": " + message,
                List.of(new Issue(parameter, message)), null);
    }
}
