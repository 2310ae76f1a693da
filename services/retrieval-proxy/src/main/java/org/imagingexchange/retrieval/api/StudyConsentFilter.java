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
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentUnavailableException;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.retrieval.domain.RetrieveTarget;
import org.imagingexchange.retrieval.domain.StudyAccess;
import org.imagingexchange.retrieval.domain.StudyAccessService;
import org.imagingexchange.retrieval.domain.StudyNotFoundException;

/**
 * Consent enforcement point of the WADO-RS resources (IHE RAD-107 behind consent). Runs after role
 * checks: validates the path's UIDs (400), locates the study (404 unknown, 503 registry down), notes
 * patient and study for the audit record, and asks consent before any source is called. A study consent
 * denies answers 404 exactly like an unknown UID (no existence oracle; the audit record keeps the reason);
 * no decision at all answers 503 {@code consent-unavailable}.
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
        }
        requirePermitted(studyAccess.decision(), target.studyInstanceUid());
        authorized.permit(studyAccess.location());
    }

    /**
     * The "not allowed" vs "not there" rule of retrieval (docs/authorization.md).
     *
     * @param decision         the consent decision for the study
     * @param studyInstanceUid the requested study
     * @throws StudyNotFoundException      (404) when consent denies: the same problem as for an unknown UID
     * @throws ConsentUnavailableException (503) when consent gave no decision
     */
    static void requirePermitted(ConsentDecision decision, String studyInstanceUid) {
        if (decision.permitted()) {
            return;
        }
        if (decision.undecided()) {
            throw new ConsentUnavailableException();
        }
        throw new StudyNotFoundException(studyInstanceUid);
    }
}
