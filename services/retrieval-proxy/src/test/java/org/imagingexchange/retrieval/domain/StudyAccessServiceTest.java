package org.imagingexchange.retrieval.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.kit.context.Actor;
import org.junit.jupiter.api.Test;

class StudyAccessServiceTest {

    private static final StudyLocation LOCATION = new StudyLocation("1.2.3", "1CT1", "urn:oid:1.2.3.4", "hospital-a",
            List.of(new StudyEndpoint("hospital-a", "http://127.0.0.1:18042/dicom-web")));

    @Test
    void consentRequest_userToken_asksForImagingStudyOfCustodian() {
        Actor actor = new Actor("sub-1", "clinician-b", "exchange-cli", "hospital-b", "BE", "TREAT",
                Set.of("imaging-reader"), null);
        ConsentRequest r = StudyAccessService.consentRequest(LOCATION, actor);
        assertEquals(new ConsentRequest("1CT1", "urn:oid:1.2.3.4", "hospital-b", "BE", "clinician-b", "TREAT",
                DataClass.IMAGING_STUDY, "hospital-a", false), r);
    }

    @Test
    void consentRequest_clientToken_requesterIsClient() {
        Actor actor = new Actor("sub-2", null, "hospital-b", "hospital-b", "BE", "TREAT", Set.of(), null);
        assertEquals("hospital-b", StudyAccessService.consentRequest(LOCATION, actor).requesterId());
    }
}
