package org.imagingexchange.consent.client;

import java.util.List;

/**
 * Port: decides whether a requester may access a patient's data. Implementations fail closed: any
 * error or missing answer is a {@link Decision#DENY} with reason {@code consent-service-unavailable};
 * they never throw for remote failures. Thread-safe.
 */
public interface ConsentDecisionPoint {

    /**
     * @param request the question; not null
     * @return the decision; never null
     */
    ConsentDecision decide(ConsentRequest request);

    /**
     * Decides several questions in one call (used to filter search results before counting).
     *
     * @param requests the questions; not null, may be empty
     * @return one decision per request, in the same order; never null
     */
    List<ConsentDecision> decideAll(List<ConsentRequest> requests);
}
