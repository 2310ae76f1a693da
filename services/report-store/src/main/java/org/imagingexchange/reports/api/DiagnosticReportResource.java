package org.imagingexchange.reports.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.reports.config.ReportStoreConfig;
import org.imagingexchange.reports.domain.ReportService;
import org.imagingexchange.reports.domain.SearchResult;
import org.imagingexchange.reports.domain.ReportNotFoundException;
import org.imagingexchange.reports.domain.StoredReport;

/**
 * FHIR R4 REST for imaging reports (eHN data set A): create, read and search {@code DiagnosticReport}.
 * Errors are FHIR OperationOutcomes (through the kit's problem mapper).
 */
@Path("fhir/DiagnosticReport")
@RequestScoped
@Tag(name = "DiagnosticReport", description = "Imaging reports (eHN A) per hl7.fhir.eu.imaging")
public class DiagnosticReportResource {

    @Inject
    FhirCodec codec;

    @Inject
    ReportService reports;

    @Inject
    ReportIntake intake;

    @Inject
    RequestContext context;

    @Inject
    AuditedAccess access;

    @Inject
    ReportStoreConfig config;

    @Context
    UriInfo uriInfo;

    /**
     * FHIR create of a DiagnosticReport (contained Patient / Practitioner / Organization / ImagingStudy allowed).
     *
     * @param body FHIR R4 JSON
     * @return 201 with Location {@code [public FHIR base]/DiagnosticReport/{id}/_history/1} and the stored resource
     * @throws org.imagingexchange.kit.problem.BadRequestProblem (400) malformed JSON or another resourceType
     * @throws org.imagingexchange.reports.domain.AuthorOrganizationMismatchException (403) performer or
     *         resultsInterpreter names another organisation than the token's
     * @throws org.imagingexchange.reports.domain.ReportValidationException (422) missing eHN elements, all listed
     */
    @POST
    @Consumes({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed("report-author")
    @Audited(BalpPattern.PATIENT_CREATE)
    @Operation(summary = "Store an imaging report (FHIR DiagnosticReport)")
    public Response create(String body) {
        DiagnosticReport report = codec.parse(body, DiagnosticReport.class);
        return intake.store(report, ReportFhirMapper.toSubmission(report, "DiagnosticReport", List.of(), false),
                AuthorOrganizations.of(report));
    }

    /**
     * FHIR read; the requester must be permitted by consent (data class IMAGING_REPORT).
     *
     * @param id report id
     * @return 200 with the stored DiagnosticReport
     * @throws org.imagingexchange.reports.domain.ReportNotFoundException (404) unknown id, or consent denies
     *         (the same answer: no existence oracle)
     * @throws org.imagingexchange.consent.client.ConsentUnavailableException (503) consent cannot be asked
     */
    @GET
    @Path("{id}")
    @Produces({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed("report-reader")
    @Audited(BalpPattern.PATIENT_READ)
    @Operation(summary = "Read an imaging report")
    public Response read(@PathParam("id") String id) {
        return answer(reports.find(id));
    }

    private Response answer(StoredReport report) {
        ReportAuditNotes.report(access, report);
        access.outcomeDetail("consent: " + reports.authorize(report, context.requireActor()).reason());
        return Response.ok(report.resourceJson(), ProblemResponses.FHIR_JSON)
                .tag(new EntityTag(Integer.toString(report.versionId()), true))
                .build();
    }

    /**
     * FHIR vread (R4 §3.1.0.3): the version the create's {@code Location} names. Only the current
     * version is kept so far (no update yet), so any other version id is unknown.
     *
     * @param id        report id
     * @param versionId version id, e.g. {@code 1}
     * @return 200 with the stored DiagnosticReport of that version
     * @throws org.imagingexchange.reports.domain.ReportNotFoundException (404) unknown id or version, or consent denies
     * @throws org.imagingexchange.consent.client.ConsentUnavailableException (503) consent cannot be asked
     */
    @GET
    @Path("{id}/_history/{versionId}")
    @Produces({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed("report-reader")
    @Audited(BalpPattern.PATIENT_READ)
    @Operation(summary = "Read a version of an imaging report")
    public Response vread(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        StoredReport report = reports.find(id);
        if (!Integer.toString(report.versionId()).equals(versionId)) {
            throw new ReportNotFoundException(id + "/_history/" + versionId);
        }
        return answer(report);
    }

    /**
     * FHIR search; reports consent denies are dropped before {@code total} and paging are computed.
     *
     * @return 200 with a searchset Bundle
     * @throws org.imagingexchange.kit.search.InvalidSearchParameterException (400) bad or missing parameter
     */
    @GET
    @Produces({ProblemResponses.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed("report-reader")
    @Audited(BalpPattern.PATIENT_QUERY)
    @Operation(summary = "Search imaging reports by patient:identifier, study-instance-uid or identifier")
    public Response search() {
        SearchRequest request = SearchRequest.parse(uriInfo.getQueryParameters(), config.defaultCount(), config.maxCount());
        SearchPages.noteQuery(access, request, uriInfo);
        SearchResult result = reports.search(request.criteria(), request.count(), request.offset(), context.requireActor());
        result.page().forEach(r -> ReportAuditNotes.report(access, r));
        FhirBase base = config.publicFhirBase();
        String rawQuery = uriInfo.getRequestUri().getRawQuery();
        return Response.ok(codec.encode(SearchBundles.searchset(codec, base, base.searchUrl(StoredResources.TYPE, rawQuery),
                SearchPages.next(base, rawQuery, request, result), result)), ProblemResponses.FHIR_JSON).build();
    }
}
