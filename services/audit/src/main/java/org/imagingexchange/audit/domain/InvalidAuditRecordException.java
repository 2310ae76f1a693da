package org.imagingexchange.audit.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** An ingested audit record lacks required members or exceeds limits: HTTP 400, one issue per member. */
public class InvalidAuditRecordException extends ProblemException {

    /** @param issues the findings, located by JSON member path (e.g. {@code agent}, {@code patients[0].id}) */
    public InvalidAuditRecordException(List<Issue> issues) {
        super("invalid-audit-record", 400, "Invalid audit record",
                "The audit record is incomplete or invalid: " + String.join(", ",
                        issues.stream().map(Issue::location).toList()) + ".", issues, null);
    }
}
