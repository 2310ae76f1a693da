package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.InvalidQueryParameterException;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * FHIR R4 {@code GET /fhir/ImagingStudy?patient:identifier=[system|]value} (role {@code imaging-reader}):
 * a searchset Bundle of the patient's ImagingStudy resources, consent-filtered like QIDO-RS. Other
 * search parameters are not supported and ignored (FHIR lenient handling); errors are OperationOutcome.
 */
@Path("/fhir/ImagingStudy")
@RequestScoped
@RolesAllowed("imaging-reader")
public class ImagingStudyResource {

    static final String PATIENT_IDENTIFIER = "patient:identifier";

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
     * @param identifier {@code [system|]value}: Issuer of Patient ID and Patient ID
     * @return 200 searchset Bundle (possibly empty); fullUrl and self link under the platform's public FHIR base
     * @throws InvalidQueryParameterException 400 (OperationOutcome) when the parameter is missing or empty
     */
    @GET
    @Produces({ProblemResponses.FHIR_JSON, "application/json"})
    @Audited(BalpPattern.PATIENT_QUERY)
    public Response search(@QueryParam(PATIENT_IDENTIFIER) List<String> identifier) {
        if (identifier == null || identifier.size() != 1 || identifier.get(0).isBlank()) {
            throw new InvalidQueryParameterException(PATIENT_IDENTIFIER, "exactly one [system|]value is required");
        }
        String token = identifier.get(0);
        int bar = token.indexOf('|');
        String system = bar < 0 ? null : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        if (value.isBlank()) {
            throw new InvalidQueryParameterException(PATIENT_IDENTIFIER, "the identifier value is empty");
        }
        audited.patient(value, system);
        audited.entity("query", uriInfo.getRequestUri().toString(), "FHIR ImagingStudy search");
        List<StudySearch.LocatedManifest> found = search.manifestsOfPatient(value, system, Requesters.of(context));
        found.forEach(m -> audited.entity("ImagingStudy", m.manifest().study().studyInstanceUid(),
                m.manifest().study().studyDescription()));
        return Response.ok(ImagingStudyMapper.searchset(found, config.publicFhirBase(), uriInfo.getRequestUri().getRawQuery()),
                ProblemResponses.FHIR_JSON).build();
    }
}
