package org.imagingexchange.reports.domain;

import java.util.Set;
import org.imagingexchange.kit.problem.ProblemException;

/**
 * The submitted report names an author organisation (eHN A.1.5 / A.1.8.6) other than the caller's
 * token {@code organization_id}: HTTP 403. The acting organisation comes from the verified token only.
 */
public class AuthorOrganizationMismatchException extends ProblemException {

    /**
     * @param claimed   the organisation ids the body names, sorted
     * @param ownOrgId  the token's organisation id; empty when the token carries none
     */
    public AuthorOrganizationMismatchException(Set<String> claimed, String ownOrgId) {
        super("author-organization-mismatch", 403, "Forbidden",
                "The report names author organisation(s) " + claimed + " but the caller acts for "
                        + (ownOrgId.isEmpty() ? "no organisation" : "'" + ownOrgId + "'")
                        + "; a report may name only the caller's own organisation as author or custodian.");
    }
}
