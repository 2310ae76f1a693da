package org.imagingexchange.audit.client;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** An audit record could not be stored durably: HTTP 503 (access is not granted unaudited). */
public class AuditUnavailableException extends ProblemException {

    /**
     * @param detail what failed
     * @param cause  underlying I/O error
     */
    public AuditUnavailableException(String detail, Throwable cause) {
        super("audit-unavailable", 503, "Audit trail unavailable", detail, List.of(), cause);
    }
}
