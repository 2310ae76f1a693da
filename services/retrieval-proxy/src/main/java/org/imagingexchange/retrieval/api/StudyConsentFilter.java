package org.imagingexchange.retrieval.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.imagingexchange.audit.client.AuditedAccess;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.retrieval.domain.ConsentDeniedException;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.StudyAccess;
import org.imagingexchange.retrieval.domain.StudyAccessService;

/**
 * Consent enforcement point of the WADO-RS resources (IHE RAD-107 behind consent). Runs after role
 * checks: validates the path's UIDs (400), locates the study (404 unknown, 503 registry down), notes
 * patient and study for the audit record, and asks consent (403 on deny, before any source is called).
 */
@Provider
@ConsentEnforced
@Priority(Priorities.AUTHORIZATION + 100)
public class StudyConsentFilter implements ContainerRequestFilter {

    /** Audit entity type of a retrieved study (FHIR resource type, BALP). */
    static final String ENTITY_TYPE = "ImagingStudy";

    @Context
    UriInfo uriInfo;

    @Inject
    RequestContext requestContext;

    @Inject
    StudyAccessService access;

    @Inject
    AuditedAccess audit;

    @Inject
    AuthorizedStudy authorized;

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = uriInfo.getPathParameters();
        RetrieveTarget target = new RetrieveTarget(params.getFirst(RetrieveTarget.STUDY),
                params.getFirst(RetrieveTarget.SERIES), params.getFirst(RetrieveTarget.INSTANCE),
                uriInfo.getPath().endsWith("/metadata"));
        audit.entity(ENTITY_TYPE, target.studyInstanceUid(), target.description());
        StudyAccess studyAccess = access.check(target.studyInstanceUid(), requestContext.requireActor());
        audit.patient(studyAccess.location().patientId(), studyAccess.location().patientIdIssuer());
        if (!studyAccess.decision().permitted()) {
            audit.outcomeDetail("consent denied: " + studyAccess.decision().reason());
            throw new ConsentDeniedException(studyAccess.decision().reason());
        }
        authorized.permit(studyAccess.location());
    }
}
