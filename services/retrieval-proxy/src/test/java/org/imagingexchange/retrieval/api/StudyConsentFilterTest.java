package org.imagingexchange.retrieval.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentUnavailableException;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.retrieval.domain.StudyNotFoundException;
import org.junit.jupiter.api.Test;

class StudyConsentFilterTest {

    static final String UID = "1.2.840.113619.2.55.3";

    @Test
    void requirePermitted_permit_passes() {
        assertDoesNotThrow(() -> StudyConsentFilter.requirePermitted(
                new ConsentDecision(Decision.PERMIT, "consent-permit", "c1"), UID));
    }

    @Test
    void requirePermitted_deny_sameProblemAsAnUnknownStudy() {
        StudyNotFoundException denied = assertThrows(StudyNotFoundException.class, () -> StudyConsentFilter.requirePermitted(
                new ConsentDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in"), UID));
        StudyNotFoundException unknown = new StudyNotFoundException(UID);
        assertEquals(404, denied.status());
        assertEquals(unknown.type(), denied.type());
        assertEquals(unknown.title(), denied.title());
        assertEquals(unknown.detail(), denied.detail(), "nothing tells a denied study from an unknown one");
    }

    @Test
    void requirePermitted_noDecision_503() {
        ConsentUnavailableException e = assertThrows(ConsentUnavailableException.class,
                () -> StudyConsentFilter.requirePermitted(ConsentDecision.unavailable(), UID));
        assertEquals(503, e.status());
    }
}
