package org.imagingexchange.consent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imagingexchange.kit.context.RequestContext;
import org.junit.jupiter.api.Test;

/** Fail-closed behaviour of the REST adapter when no answer can be had (here: no REST client runtime at all). */
class RestConsentDecisionPointTest {

    private static final ConsentRequest REQUEST = new ConsentRequest("1CT1", "", "hospital-b", "BE", "clinician-b",
            "TREAT", DataClass.IMAGING_STUDY, "hospital-a", false);

    private static RestConsentDecisionPoint unreachable() {
        RestConsentDecisionPoint point = new RestConsentDecisionPoint();
        point.consentUrl = "http://127.0.0.1:1/consent";
        point.requestContext = new RequestContext();
        return point;
    }

    @Test
    void decide_serviceUnreachable_deniesFailClosed() {
        ConsentDecision decision = unreachable().decide(REQUEST);

        assertEquals(ConsentDecision.unavailable(), decision, "an unreachable consent service must mean deny");
    }

    @Test
    void decideAll_serviceUnreachable_deniesEveryRequestInOrder() {
        List<ConsentDecision> decisions = unreachable().decideAll(List.of(REQUEST, REQUEST, REQUEST));

        assertEquals(3, decisions.size(), "one decision per request");
        assertTrue(decisions.stream().noneMatch(ConsentDecision::permitted), "every request denied when unreachable");
    }

    @Test
    void decideAll_noRequests_answersEmptyWithoutCalling() {
        assertEquals(List.of(), unreachable().decideAll(List.of()), "no requests, no decisions");
    }
}
