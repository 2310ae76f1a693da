package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.InvalidQueryParameterException;
import org.imagingexchange.registry.domain.SearchResult;
import org.imagingexchange.registry.domain.StudyQuery;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * FHIR R4 {@code GET /fhir/ImagingStudy?...} (role {@code imaging-reader}): a searchset Bundle of ImagingStudy
 * resources (by patient identifier, study identifier, modality, started date; see
 * {@link ImagingStudySearchParameters}), consent-filtered before paging like QIDO-RS. Unknown or repeated
 * parameters are refused (400 OperationOutcome) rather than ignored, so a misspelt parameter never widens a
 * search.
 */
@Path("/fhir/ImagingStudy")
@RequestScoped
@RolesAllowed("imaging-reader")
public class ImagingStudyResource {


    @Inject
    StudySearch search;
    @Inject
    RequestContext context;
    @Inject
    AuditedAccess audited;
    @Inject
    RegistryConfig config;
    @Context
    UriInfo uriInfo;

    /**
     * @return 200 searchset Bundle (possibly empty) with {@code next} link when more permitted studies exist;
     *         fullUrl and links under the platform's public FHIR base
     * @throws InvalidQueryParameterException 400 (OperationOutcome) for an unknown or repeated parameter or a
     *                                        malformed value (see {@link ImagingStudySearchParameters})
     */
    @GET
    @Produces({ProblemResponses.FHIR_JSON, "application/json"})
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response search() {
        StudyQuery query = ImagingStudySearchParameters.parse(uriInfo.getQueryParameters());
        if (query.patientId() != null) {
            audited.patient(query.patientId(), query.issuerOfPatientId());
        }
        audited.entity("query", uriInfo.getRequestUri().toString(), "FHIR ImagingStudy search");
        SearchResult<StudySearch.LocatedManifest> found = search.manifests(query, Requesters.of(context));
        found.items().forEach(m -> {
            audited.patient(m.manifest().study().patientId(), m.manifest().study().issuerOfPatientId());
            audited.entity("ImagingStudy", m.manifest().study().studyInstanceUid(), m.manifest().study().studyDescription());
        });
        return Response.ok(ImagingStudyMapper.searchset(found, query.paging(), config.publicFhirBase(),
                config.publicWadoBase(), uriInfo.getRequestUri().getRawQuery()), ProblemResponses.FHIR_JSON).build();
    }
}
