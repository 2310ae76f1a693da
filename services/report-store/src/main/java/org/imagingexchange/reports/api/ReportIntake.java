package org.imagingexchange.reports.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.reports.config.ReportStoreConfig;
import java.util.Set;
import org.imagingexchange.reports.domain.Authorship;
import org.imagingexchange.reports.domain.ReportService;
import org.imagingexchange.reports.domain.ReportSubmission;
import org.imagingexchange.reports.domain.StoredReport;

/** The common end of both intake paths (DiagnosticReport and document Bundle): validate, store, answer 201. */
@RequestScoped
public class ReportIntake {

    @Inject
    ReportService reports;

    @Inject
    FhirCodec codec;

    @Inject
    RequestContext context;

    @Inject
    AuditedAccess access;

    @Inject
    ReportStoreConfig config;

    /**
     * @param report the stand-alone DiagnosticReport to store
     * @param facts  its eHN facts
     * @param claimedOrganizations organisation ids the body names as author or custodian ({@link AuthorOrganizations})
     * @return 201 with {@code Location: [public FHIR base]/DiagnosticReport/{id}/_history/1} and the stored resource
     * @throws org.imagingexchange.reports.domain.AuthorOrganizationMismatchException (403) when the body names
     *         another organisation than the token's as author or custodian (checked before the eHN rules)
     * @throws org.imagingexchange.reports.domain.ReportValidationException (422) listing every missing element
     */
    public Response store(DiagnosticReport report, ReportSubmission facts, Set<String> claimedOrganizations) {
        Authorship.requireOwnOrganization(claimedOrganizations, context.requireActor());
        if (facts.patient() != null) {
            access.patient(facts.patient().value(), facts.patient().system());
        }
        StoredReport stored = reports.create(facts, context.requireActor(), StoredResources.renderer(codec, report));
        ReportAuditNotes.report(access, stored);
        return Response.created(StoredResources.versionUrl(config.publicFhirBase(), stored.id(), stored.versionId()))
                .type(ProblemResponses.FHIR_JSON)
                .tag(new EntityTag(Integer.toString(stored.versionId()), true))
                .entity(stored.resourceJson())
                .build();
    }
}
