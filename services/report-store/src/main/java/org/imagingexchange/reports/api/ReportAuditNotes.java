package org.imagingexchange.reports.api;

import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.reports.domain.StoredReport;
import org.imagingexchange.reports.domain.StudyInstanceUid;

/** Notes in the request's {@link AuditedAccess} what a report access touched: patient, report id, Study Instance UIDs. */
final class ReportAuditNotes {

    private ReportAuditNotes() {
    }

    /**
     * @param access the request-scoped audit note
     * @param report the report created, read, refused or listed
     */
    static void report(AuditedAccess access, StoredReport report) {
        access.patient(report.patient().value(), report.patient().system());
        access.entity("DiagnosticReport", report.id(), "studies: " + String.join(",",
                report.studyInstanceUids().stream().map(StudyInstanceUid::value).toList()));
        report.studyInstanceUids().forEach(uid -> access.entity("ImagingStudy", uid.value(), "reported study"));
    }
}
