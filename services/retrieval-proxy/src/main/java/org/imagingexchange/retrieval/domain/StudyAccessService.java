package org.imagingexchange.retrieval.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.kit.context.Actor;

/**
 * Decides whether a requester may retrieve a study (IHE RAD-107 with consent): locate the study in the
 * registry, then ask the {@link ConsentDecisionPoint} for {@link DataClass#IMAGING_STUDY} held by the
 * study's custodian. Fails closed: the decision point answers DENY when the consent service gives no
 * answer, and a null decision counts as a deny here. Thread-safe.
 */
@ApplicationScoped
public class StudyAccessService {

    @Inject
    StudyLocator locator;

    @Inject
    ConsentDecisionPoint decisionPoint;

    /**
     * @param studyInstanceUid a valid Study Instance UID
     * @param actor            the verified requester
     * @return location and decision; the caller refuses access unless {@code decision().permitted()}
     * @throws StudyNotFoundException       (404) when the registry does not know the study
     * @throws RegistryUnavailableException (503) when the registry cannot answer
     */
    public StudyAccess check(String studyInstanceUid, Actor actor) {
        StudyLocation location = locator.locate(studyInstanceUid);
        return new StudyAccess(location, decide(consentRequest(location, actor)));
    }

    /** @return the consent question for this requester and study */
    static ConsentRequest consentRequest(StudyLocation location, Actor actor) {
        String requesterId = !actor.username().isEmpty() ? actor.username()
                : !actor.clientId().isEmpty() ? actor.clientId() : actor.subject();
        return new ConsentRequest(location.patientId(), location.patientIdIssuer(), actor.organizationId(),
                actor.country(), requesterId, actor.purposeOfUse(), DataClass.IMAGING_STUDY,
                location.custodianOrganizationId(), ConsentRequest.holdsEmergencyAccess(actor.roles()));
    }

    private ConsentDecision decide(ConsentRequest request) {
        ConsentDecision decision = decisionPoint.decide(request);
        return decision == null ? ConsentDecision.unavailable() : decision;
    }
}
