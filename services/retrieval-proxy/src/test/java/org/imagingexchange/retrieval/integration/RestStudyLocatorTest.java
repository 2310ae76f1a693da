package org.imagingexchange.retrieval.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.imagingexchange.retrieval.domain.RegistryUnavailableException;
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

    private static final StudyLocationDocument FOUND = new StudyLocationDocument("1.2.3", "1CT1", "", "hospital-a",
            List.of(new StudyLocationDocument.Endpoint("hospital-a", "http://127.0.0.1:18042/dicom-web")));

    private static RestStudyLocator locator(RegistryClient registry, Duration ttl) {
        RestStudyLocator l = new RestStudyLocator();
        l.registry = registry;
        l.keep(ttl, 100);
        return l;
    }

    @Test
    void locate_twiceWithinTtl_oneRegistryCall() {
        AtomicInteger calls = new AtomicInteger();
        RestStudyLocator l = locator(uid -> {
            calls.incrementAndGet();
            return FOUND;
        }, Duration.ofMinutes(1));

        assertEquals(l.locate("1.2.3"), l.locate("1.2.3"));
        assertEquals(1, calls.get(), "the second lookup within the TTL is answered from the cache");
    }

    @Test
    void locate_afterForget_asksTheRegistryAgain() {
        AtomicInteger calls = new AtomicInteger();
        RestStudyLocator l = locator(uid -> {
            calls.incrementAndGet();
            return FOUND;
        }, Duration.ofMinutes(1));

        l.locate("1.2.3");
        l.forget("1.2.3");
        l.locate("1.2.3");
        assertEquals(2, calls.get(), "a forgotten location is fetched again");
    }

    @Test
    void locate_ttlZero_asksTheRegistryEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        RestStudyLocator l = locator(uid -> {
            calls.incrementAndGet();
            return FOUND;
        }, Duration.ZERO);

        l.locate("1.2.3");
        l.locate("1.2.3");
        assertEquals(2, calls.get(), "TTL 0 keeps nothing");
    }

    @Test
    void locate_registryFailure_notKept() {
        AtomicInteger calls = new AtomicInteger();
        RestStudyLocator l = locator(uid -> {
            calls.incrementAndGet();
            throw new ProcessingException("connection refused");
        }, Duration.ofMinutes(1));

        assertThrows(RegistryUnavailableException.class, () -> l.locate("1.2.3"));
        assertThrows(RegistryUnavailableException.class, () -> l.locate("1.2.3"));
        assertEquals(2, calls.get(), "a failure is not cached: the next request asks the registry again");
    }
}
