package org.imagingexchange.registry.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.imagingexchange.audit.client.Audited;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.kit.problem.ProblemResponses;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.StudyRegistrar;

/**
 * {@code POST /fhir/Bundle} of an IHE MADO manifest, FHIR option (role {@code imaging-source}): registers every
 * ImagingStudy of the Bundle at the archive its Endpoint names and merges them with the index, all or none
 * (see {@link StudyRegistrar}, {@link RegistrationReader}). The gateway sends a Bundle here when it is a MADO
 * manifest (a document whose Composition has LOINC 18748-4, or a Bundle declaring a MADO profile); imaging
 * report documents go to the report store.
 */
@Path("/fhir/Bundle")
@RequestScoped
@RolesAllowed("imaging-source")
public class ManifestBundleResource {

    @Inject
    StudyRegistrar registrar;
    @Inject
    RequestContext context;
    @Inject
    AuditedAccess audited;
    @Inject
    RegistryConfig config;

    /**
     * @param body FHIR R4 JSON Bundle (document or collection) with ImagingStudy, Patient and Endpoint entries
     * @return 201 when a study was new, else 200, with an OperationOutcome naming what became of each study
     *         and {@code Location} of the first ImagingStudy
     * @throws org.imagingexchange.kit.problem.BadRequestProblem 400 when the body is not a FHIR Bundle
     * @throws org.imagingexchange.registry.domain.RegistrationRejectedException 422 naming every problem;
     *                                                                            nothing is registered
     */
    @POST
    @Consumes({ProblemResponses.FHIR_JSON, "application/json"})
    @Produces({ProblemResponses.FHIR_JSON, "application/json"})
    @Audited(BalpPattern.PATIENT_CREATE)
    @Transactional
    public Response register(String body) {
        return RegistrationResponses.registered(registrar, RegistrationReader.bundle(body), Requesters.of(context),
                audited, config.publicFhirBase());
    }
}
