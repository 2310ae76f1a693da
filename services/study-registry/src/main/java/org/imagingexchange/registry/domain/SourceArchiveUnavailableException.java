package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A source archive could not be reached (connection refused, timeout): HTTP 503; the index keeps what it had. */
public class SourceArchiveUnavailableException extends ProblemException {

    /**
     * @param detail which source and request failed, without credentials
     * @param cause  the I/O error; may be null
     */
    public SourceArchiveUnavailableException(String detail, Throwable cause) {
        super("source-archive-unavailable", 503, "Source archive unavailable", detail, List.of(), cause);
    }
}
