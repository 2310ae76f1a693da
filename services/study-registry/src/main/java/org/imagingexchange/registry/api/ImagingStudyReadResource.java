package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.QidoQueryParser;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudySearch;

/**
 * One study as FHIR R4 (role {@code imaging-reader}), consent-checked like QIDO-RS; the resource id is the
 * Study Instance UID. {@code GET /fhir/ImagingStudy/{id}} reads the ImagingStudy;
 * {@code GET /fhir/ImagingStudy/{id}/$manifest} gives the study's IHE MADO manifest (FHIR document Bundle,
 * see {@link MadoManifestMapper}). A study the caller may not see is 404 like an unknown one.
 */
@Path("/fhir/ImagingStudy/{id}")
@RequestScoped
@RolesAllowed("imaging-reader")
@Produces({ProblemResponses.FHIR_JSON, "application/json"})
public class ImagingStudyReadResource {

    @Inject
    StudySearch search;
    @Inject
    RequestContext context;
    @Inject
    AuditedAccess audited;
    @Inject
    RegistryConfig config;

    /**
     * @param id Study Instance UID
     * @return 200 ImagingStudy with a contained Endpoint at the platform's WADO-RS base
     * @throws org.imagingexchange.registry.domain.StudyNotFoundException 404 when unknown or not permitted
     * @throws org.imagingexchange.registry.domain.InvalidQueryParameterException 400 when id is not a UID
     */
    @GET
    @Audited(BalpPattern.PATIENT_READ)
    public Response read(@PathParam("id") String id) {
        StudySearch.LocatedManifest located = located(id);
        return ok(ImagingStudyMapper.FHIR.newJsonParser()
                .encodeResourceToString(ImagingStudyMapper.imagingStudy(located, config.publicWadoBase())));
    }

    /**
     * @param id Study Instance UID
     * @return 200 MADO manifest document Bundle
     * @throws org.imagingexchange.registry.domain.StudyNotFoundException 404 when unknown or not permitted
     * @throws org.imagingexchange.registry.domain.InvalidQueryParameterException 400 when id is not a UID
     */
    @GET
    @Path("/$manifest")
    @Audited(BalpPattern.PATIENT_READ)
    public Response manifest(@PathParam("id") String id) {
        StudySearch.LocatedManifest located = located(id);
        return ok(ImagingStudyMapper.FHIR.newJsonParser().encodeResourceToString(
                MadoManifestMapper.manifest(located, config.publicWadoBase(), new Date())));
    }

    private StudySearch.LocatedManifest located(String id) {
        QidoQueryParser.uid("id", id);
        StudySearch.LocatedManifest located = search.manifest(id, Requesters.of(context));
        Study s = located.manifest().study();
        audited.patient(s.patientId(), s.issuerOfPatientId());
        audited.entity("ImagingStudy", s.studyInstanceUid(), s.studyDescription());
        return located;
    }

    private static Response ok(String json) {
        return Response.ok(json, ProblemResponses.FHIR_JSON).build();
    }
}
