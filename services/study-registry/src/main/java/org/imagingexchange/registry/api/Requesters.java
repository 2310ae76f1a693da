package org.imagingexchange.registry.api;

import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.context.RequestContext;
import org.imagingexchange.registry.domain.Requester;

/** Turns the verified token's actor into the requester a consent decision is about. */
final class Requesters {

    private Requesters() {
    }

    /**
     * @param context the request context (a verified actor is present on every protected resource)
     * @return organisation, country, user (or client) id and purpose of use of the caller
     */
    static Requester of(RequestContext context) {
        Actor a = context.requireActor();
        String id = !a.username().isEmpty() ? a.username() : !a.clientId().isEmpty() ? a.clientId() : a.subject();
        return new Requester(a.organizationId(), a.country(), id, a.purposeOfUse(),
                ConsentRequest.holdsEmergencyAccess(a.roles()));
    }
}
