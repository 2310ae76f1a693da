package org.imagingexchange.reports.domain;

import org.imagingexchange.kit.problem.ProblemException;

/** No report with the requested id: HTTP 404. */
public class ReportNotFoundException extends ProblemException {

    /** @param id the requested report id */
    public ReportNotFoundException(String id) {
        super("report-not-found", 404, "Report not found", "No DiagnosticReport with id '" + id + "'.");
    }
}
