package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's consent pre-filter against the real consent service (opt-in region): another
 * organisation's search reads only studies of patients with a permit directive, a permit recorded just
 * before a search is seen by it (the registry brings its mirror of the permit feed up to date first), and a
 * later deny closes the study again although the permit is still mirrored (consent still decides).
 */
class ConsentPrefilterIT {

    private static final String STUDIES = "/dicomweb/studies";

    @BeforeAll
    static void awaitReady() throws InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
    }

    @Test
    void metrics_registryFollowsThePermitFeed() {
        HttpResponse<String> r = Http.get("/registry/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("registry_consent_feed_age_seconds"),
                "the registry mirrors the consent service's permit feed");
    }

    @Test
    void otherOrganisation_seesStudyRightAfterPermit_andNotAfterDeny() {
        String patient = "PF-" + UUID.randomUUID().toString().substring(0, 8);
        String study = TestStudies.freshUid();
        HttpResponse<String> registered = Http.post("/fhir/ImagingStudy", Tokens.of("hospital-a"), "application/fhir+json",
                TestStudies.imagingStudy(study, patient,
                        System.getProperty("it.orthanc.url", "http://127.0.0.1:18042") + "/dicom-web", "CT",
                        "1.2.840.10008.5.1.4.1.1.2"));
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals(1, found(patient, "radiologist-a"), "the custodian sees its own study");
        assertEquals(0, found(patient, "clinician-b"), "no consent: another organisation finds nothing");

        assertEquals(201, Http.post("/fhir/Consent", Tokens.of("hospital-a"), "application/fhir+json",
                consent(patient, "permit", "hospital-b")).statusCode());
        assertEquals(1, found(patient, "clinician-b"), "the permit is seen by the very next search");

        assertEquals(201, Http.post("/fhir/Consent", Tokens.of("hospital-a"), "application/fhir+json",
                consent(patient, "deny", null)).statusCode());
        assertEquals(0, found(patient, "clinician-b"), "a deny wins although the permit is still mirrored");
        assertEquals(1, found(patient, "radiologist-a"));
    }

    /** Name searches read keys from the name indexes, scope and page them first (StudySearchSql keysThenRows). */
    @Test
    void namePrefix_otherOrganisationFindsOnlyConsented_custodianPagesThroughAll() {
        String family = "Prefixprobe" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String archive = System.getProperty("it.orthanc.url", "http://127.0.0.1:18042") + "/dicom-web";
        String consented = "PN-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "PN-" + UUID.randomUUID().toString().substring(0, 8);
        for (String[] p : new String[][] {{consented, family + "a"}, {other, family + "b"}}) {
            HttpResponse<String> r = Http.post("/fhir/ImagingStudy", Tokens.of("hospital-a"), "application/fhir+json",
                    TestStudies.imagingStudyOfNamedPatient(TestStudies.freshUid(), p[0], p[1], archive));
            assertEquals(201, r.statusCode(), r.body());
        }
        assertEquals(201, Http.post("/fhir/Consent", Tokens.of("hospital-a"), "application/fhir+json",
                consent(consented, "permit", "hospital-b")).statusCode());
        String byName = STUDIES + "?PatientName=" + family.toLowerCase() + "*";

        assertEquals(List.of(consented), patientIds(byName, "clinician-b"),
                "another organisation finds the consented patient's study only");
        assertEquals(Set.of(consented, other), Set.copyOf(patientIds(byName, "radiologist-a")));
        List<String> first = patientIds(byName + "&limit=1", "radiologist-a");
        List<String> second = patientIds(byName + "&limit=1&offset=1", "radiologist-a");
        assertEquals(1, first.size());
        assertEquals(1, second.size());
        assertEquals(Set.of(consented, other), Set.of(first.get(0), second.get(0)),
                "the custodian's pages of one row each hold both studies");
        assertEquals(List.of(), patientIds(byName + "&offset=2", "radiologist-a"));
    }

    private static List<String> patientIds(String path, String user) {
        HttpResponse<String> r = Http.get(path, Tokens.of(user));
        assertEquals(200, r.statusCode(), r.body());
        return r.body().isBlank() ? List.of() : ((JsonArray) Http.json(r)).stream()
                .map(v -> v.asJsonObject().getJsonObject("00100020").getJsonArray("Value").getString(0)).toList();
    }

    private static int found(String patient, String user) {
        HttpResponse<String> r = Http.get(STUDIES + "?PatientID=" + patient, Tokens.of(user));
        assertEquals(200, r.statusCode(), r.body());
        return r.body().isBlank() ? 0 : ((JsonArray) Http.json(r)).size();
    }

    /** The study in hospital-a's DICOMweb archive (hospital-a has two archives, so the registration names it). */
    private static String consent(String patient, String type, String organization) {
        String actor = organization == null ? "" : """
                ,"actor":[{"reference":{"type":"Organization",
                  "identifier":{"system":"urn:imaging-exchange:organization-id","value":"%s"}}}]""".formatted(organization);
        return """
                {"resourceType":"Consent","status":"active",
                 "patient":{"identifier":{"value":"%s"}},
                 "provision":{"type":"%s"%s}}""".formatted(patient, type, actor);
    }
}
