package org.imagingexchange.retrieval.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** The study registry could not say where a study lives (unreachable, timeout, error): HTTP 503. */
public class RegistryUnavailableException extends ProblemException {

    /**
     * @param detail what failed, without secrets
     * @param cause  underlying exception, for the log; may be null
     */
    public RegistryUnavailableException(String detail, Throwable cause) {
        super("registry-unavailable", 503, "Study registry unavailable", detail, List.of(), cause);
    }
}
