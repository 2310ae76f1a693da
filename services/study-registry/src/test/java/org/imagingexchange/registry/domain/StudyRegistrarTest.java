package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration policy: only the caller's own configured archives, all studies checked first, merge with the index. */
class StudyRegistrarTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private final InMemoryStudyIndex index = new InMemoryStudyIndex();
    private final TestArchive pacsA = new TestArchive("hospital-a", "hospital-a", "http://127.0.0.1:8042/dicom-web", "", "HOSP-A");
    private final TestArchive pacsA2 = new TestArchive("hospital-a-2", "hospital-a", "http://127.0.0.1:8043/dicom-web", "", "");
    private final TestArchive pacsB = new TestArchive("hospital-b", "hospital-b", "http://127.0.0.1:9042/dicom-web", "", "");
    private final TestArchive modality = new TestArchive("ct-scanner", "hospital-c", "", "", "");
    private final Requester a = new Requester("hospital-a", "NL", "hospital-a", "");
    private final Requester b = new Requester("hospital-b", "BE", "hospital-b", "");

    private StudyRegistrar registrar(TestArchive... archives) {
        return new StudyRegistrar(index, () -> List.of(archives));
    }

    private static StudyRegistration study(String uid, String endpoint, String... sops) {
        Series series = new Series(uid + ".1", "CT", 1, "axial", null, 0);
        List<Instance> instances = java.util.Arrays.stream(sops).map(s -> new Instance(s, CT, null, null)).toList();
        return new StudyRegistration("Bundle.entry[1].resource",
                Studies.header(uid, "P1", "", "Doe^Jo", LocalDate.of(2024, 3, 1), "ACC1"),
                List.of(new StudyManifest.SeriesManifest(series, instances)), endpoint);
    }

    @Test
    void register_ownArchiveAddress_createsStudyUnderThatSourceWithItsDefaultIssuer() {
        List<StudyRegistrar.Registered> done = registrar(pacsA, pacsA2, pacsB)
                .register(a, List.of(study("1.2.3", "HTTP://127.0.0.1:8042/dicom-web/", "1.2.3.1.1")));
        assertEquals(List.of(new StudyRegistrar.Registered("1.2.3", "hospital-a", true)), done);
        Study s = index.manifests.get("1.2.3").study();
        assertEquals("HOSP-A", s.issuerOfPatientId());
        assertEquals("hospital-a", s.custodianOrganizationId());
        assertEquals(1, s.numberOfInstances());
    }

    @Test
    void register_sameStudyAgainWithAnotherInstance_mergesKeepingWhatIsHeld() {
        StudyRegistrar r = registrar(pacsA);
        r.register(a, List.of(study("1.2.3", null, "1.2.3.1.1")));
        List<StudyRegistrar.Registered> second = r.register(a, List.of(study("1.2.3", null, "1.2.3.1.2")));
        assertFalse(second.get(0).created());
        assertEquals(2, index.manifests.get("1.2.3").study().numberOfInstances(), "nothing held is removed");
        assertEquals(1, index.manifests.size());
    }

    @Test
    void register_anotherOrganisationsArchive_forbiddenAndNothingRegistered() {
        RegistrationForbiddenException e = assertThrows(RegistrationForbiddenException.class, () -> registrar(pacsA, pacsB)
                .register(b, List.of(study("1.2.4", "http://127.0.0.1:9042/dicom-web", "1.2.4.1.1"),
                        study("1.2.3", "http://127.0.0.1:8042/dicom-web", "1.2.3.1.1"))));
        assertEquals(403, e.status());
        assertEquals(1, e.issues().size());
        assertEquals("Bundle.entry[1].resource.endpoint", e.issues().get(0).location());
        assertTrue(index.manifests.isEmpty(), "a request is registered whole or not at all");
    }

    @Test
    void register_addressOfNoConfiguredArchive_rejected422() {
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class, () -> registrar(pacsA, pacsB)
                .register(a, List.of(study("1.2.3", "http://127.0.0.1:7777/dicom-web", "1.2.3.1.1"))));
        assertEquals(422, e.status());
        assertTrue(e.issues().get(0).message().contains("not the WADO-RS address"), e.issues().toString());
    }

    @Test
    void register_noEndpointButSeveralArchives_rejected() {
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class,
                () -> registrar(pacsA, pacsA2).register(a, List.of(study("1.2.3", null, "1.2.3.1.1"))));
        assertTrue(e.issues().get(0).message().contains("2 archives"), e.issues().toString());
    }

    @Test
    void register_organisationWithoutRetrievableArchive_forbidden() {
        Requester c = new Requester("hospital-c", "NL", "hospital-c", "");
        RegistrationForbiddenException e = assertThrows(RegistrationForbiddenException.class,
                () -> registrar(pacsA, modality).register(c, List.of(study("1.2.3", null, "1.2.3.1.1"))));
        assertTrue(e.issues().get(0).message().contains("no source archive"), e.issues().toString());
    }

    @Test
    void register_tokenWithoutOrganisation_rejected() {
        assertThrows(RegistrationRejectedException.class, () -> registrar(pacsA)
                .register(new Requester("", "", "someone", ""), List.of(study("1.2.3", null, "1.2.3.1.1"))));
    }

    @Test
    void register_sameStudyTwiceInOneRequest_rejected() {
        RegistrationRejectedException e = assertThrows(RegistrationRejectedException.class, () -> registrar(pacsA)
                .register(a, List.of(study("1.2.3", null, "1.2.3.1.1"), study("1.2.3", null, "1.2.3.1.2"))));
        assertTrue(e.issues().get(0).message().contains("more than once"));
    }

    @Test
    void normalise_trailingSlashAndHostCase_equalPathCaseKept() {
        assertEquals("http://pacs.example:8042/dicom-web", StudyRegistrar.normalise(" HTTP://PACS.example:8042/dicom-web//"));
        assertEquals("http://pacs.example/DICOM", StudyRegistrar.normalise("http://pacs.example/DICOM"));
    }
}
