package org.imagingexchange.reports.domain;

import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.kit.context.Actor;

/** Builds the consent question for one report access (data class IMAGING_REPORT, custodian = author organisation). */
public final class ReportConsentRequests {

    private ReportConsentRequests() {
    }

    /**
     * @param report    the report to be disclosed
     * @param requester the verified caller
     * @return the question for the consent decision point
     */
    public static ConsentRequest of(StoredReport report, Actor requester) {
        String requesterId = requester.username().isEmpty() ? requester.subject() : requester.username();
        return new ConsentRequest(report.patient().value(), report.patient().system(), requester.organizationId(),
                requester.country(), requesterId, requester.purposeOfUse(), DataClass.IMAGING_REPORT,
                report.authorOrganizationId(), ConsentRequest.holdsEmergencyAccess(requester.roles()));
    }
}
