package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.imagingexchange.registry.domain.StudyRegistrar;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * FHIR R4 {@code GET /fhir/ImagingStudy?...} (role {@code imaging-reader}): a searchset Bundle of ImagingStudy
 * resources (by patient identifier, study identifier, modality, started date; see
 * {@link ImagingStudySearchParameters}), consent-filtered before paging like QIDO-RS. Unknown or repeated
 * parameters are refused (400 OperationOutcome) rather than ignored, so a misspelt parameter never widens a
 * search. {@code POST /fhir/ImagingStudy} (role {@code imaging-source}) registers one study, see
 * {@link #register(String)}.
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
    @Inject
    StudyRegistrar registrar;
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

    /**
     * Registers one study for one of the caller's own archives and merges it with what the index holds
     * (see {@link StudyRegistrar}); read by {@link RegistrationReader}.
     *
     * @param body FHIR R4 JSON ImagingStudy; the patient as {@code subject.identifier} or a contained Patient,
     *             the archive as a contained Endpoint (connectionType {@code dicom-wado-rs})
     * @return 201 (new study) or 200 (merged) with an OperationOutcome saying what happened and
     *         {@code Location} of the ImagingStudy
     * @throws org.imagingexchange.kit.problem.BadRequestProblem 400 when the body is not an ImagingStudy
     * @throws org.imagingexchange.registry.domain.RegistrationRejectedException 422 naming every problem
     */
    @POST
    @RolesAllowed("imaging-source")
    @Consumes({ProblemResponses.FHIR_JSON, "application/json"})
    @Produces({ProblemResponses.FHIR_JSON, "application/json"})
    @Audited(BalpPattern.PATIENT_CREATE)
    @Transactional
    public Response register(String body) {
        return RegistrationResponses.registered(registrar, java.util.List.of(RegistrationReader.imagingStudy(body)),
                Requesters.of(context), audited, config.publicFhirBase());
    }
}
