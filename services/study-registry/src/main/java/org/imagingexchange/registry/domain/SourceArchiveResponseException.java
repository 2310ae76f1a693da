package org.imagingexchange.registry.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * A source archive answered, but not usefully (401/403 for our credentials, another non-2xx status, or
 * a body that is not DICOM JSON): HTTP 502 Bad Gateway; the index keeps what it had.
 */
public class SourceArchiveResponseException extends ProblemException {

    /**
     * @param detail which source, request and status or parse error
     * @param cause  underlying parse error; may be null
     */
    public SourceArchiveResponseException(String detail, Throwable cause) {
        super("source-archive-error", 502, "Source archive error", detail, List.of(), cause);
    }
}
