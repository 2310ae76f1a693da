package org.imagingexchange.reports.domain;

import java.util.List;
import org.imagingexchange.kit.problem.ProblemException;

/** A submitted report lacks required eHN elements or carries malformed ones: HTTP 422, one issue per finding. */
public class ReportValidationException extends ProblemException {

    /** @param issues every finding (location = FHIRPath-ish, message names the eHN element id); not empty */
    public ReportValidationException(List<Issue> issues) {
        super("ehn-report-invalid", 422, "Imaging report does not meet the eHN data set",
                issues.size() + " required eHN element(s) missing or invalid; nothing was stored.", issues, null);
    }
}
