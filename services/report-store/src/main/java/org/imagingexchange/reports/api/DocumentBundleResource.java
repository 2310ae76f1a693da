package org.imagingexchange.reports.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.problem.ProblemResponses;

/**
 * Intake of an imaging report as an HL7 Europe Imaging Report document Bundle (Composition +
 * DiagnosticReport + Patient + ...). The store keeps the Bundle's DiagnosticReport, made stand-alone
 * (see {@link DocumentBundleReader}), and answers like a DiagnosticReport create.
 */
@Path("fhir/Bundle")
@RequestScoped
@Tag(name = "DiagnosticReport")
public class DocumentBundleResource {

    @Inject
    FhirCodec codec;

    @Inject
    ReportIntake intake;

    /**
     * @param body FHIR R4 JSON of a Bundle of type document
     * @return 201 with Location {@code [public FHIR base]/DiagnosticReport/{id}/_history/1} and the stored DiagnosticReport
     * @throws org.imagingexchange.kit.problem.BadRequestProblem (400) malformed JSON or not a Bundle
     * @throws org.imagingexchange.reports.domain.AuthorOrganizationMismatchException (403) Composition author,
     *         custodian or attester, or the report's performer, names another organisation than the token's
     * @throws org.imagingexchange.reports.domain.ReportValidationException (422) missing eHN elements, all listed
     */
    @POST
    @Consumes({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed("report-author")
    @Audited(BalpPattern.PATIENT_CREATE)
    @Operation(summary = "Store an imaging report posted as a document Bundle")
    public Response create(String body) {
        Bundle bundle = codec.parse(body, Bundle.class);
        DocumentBundleReader.Intake read = DocumentBundleReader.read(bundle);
        return intake.store(read.report(), read.submission(), AuthorOrganizations.of(bundle));
    }
}
