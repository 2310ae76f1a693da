package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.imagingexchange.retrieval.domain.StudyEndpoint;
import org.imagingexchange.retrieval.domain.StudyLocation;
import org.junit.jupiter.api.Test;

class RestStudyLocatorTest {

    @Test
    void toLocation_registryDocument_keepsPatientCustodianAndEndpointsInOrder() {
        StudyLocationDocument doc = new StudyLocationDocument("1.2.3", "1CT1", null, "hospital-a", List.of(
                new StudyLocationDocument.Endpoint("hospital-a", "http://127.0.0.1:18042/dicom-web"),
                new StudyLocationDocument.Endpoint("mirror", "http://127.0.0.1:18043/dicom-web")));
        StudyLocation l = RestStudyLocator.toLocation("1.2.3", doc);
        assertEquals("1CT1", l.patientId());
        assertEquals("", l.patientIdIssuer());
        assertEquals("hospital-a", l.custodianOrganizationId());
        assertEquals(List.of(new StudyEndpoint("hospital-a", "http://127.0.0.1:18042/dicom-web"),
                new StudyEndpoint("mirror", "http://127.0.0.1:18043/dicom-web")), l.endpoints());
    }

    @Test
    void toLocation_endpointsMissingOrWithoutAddress_areDropped() {
        assertEquals(List.of(), RestStudyLocator.toLocation("1.2.3",
                new StudyLocationDocument("1.2.3", "P", "", "", null)).endpoints());
        assertEquals(1, RestStudyLocator.toLocation("1.2.3", new StudyLocationDocument("1.2.3", "P", "", "",
                Arrays.asList(null, new StudyLocationDocument.Endpoint("x", null),
                        new StudyLocationDocument.Endpoint(null, "http://a/b")))).endpoints().size());
    }
}
