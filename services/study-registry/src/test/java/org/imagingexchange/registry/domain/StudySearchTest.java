package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consent BEFORE paging, custodian without consent calls, fail loud; a fake ConsentDecisionPoint (port double). */
class StudySearchTest {

    private static final Requester CLINICIAN_B = new Requester("hospital-b", "BE", "clinician-b", "TREAT");
    private static final Requester RADIOLOGIST_A = new Requester("hospital-a", "NL", "radiologist-a", "TREAT");

    private final InMemoryStudyIndex index = new InMemoryStudyIndex();
    private final FakeConsent consent = new FakeConsent();
    private final StudySearch search = new StudySearch(index, new ConsentGate(consent), ConsentPrefilter.NONE, 1000);

    @BeforeEach
    void tenStudiesOfFivePatients() {
        for (int i = 1; i <= 10; i++) {
            Study header = Studies.header("1.2.826.0.1." + i, "P" + ((i + 1) / 2), "HOSP-A", "Doe^Pat" + i,
                    LocalDate.of(2024, 1, i), "ACC" + i);
            Series series = new Series("1.2.826.0.1." + i + ".1", i % 2 == 0 ? "MR" : "CT", 1, null, "HEAD", 0);
            index.add(StudyManifest.of(header, List.of(new StudyManifest.SeriesManifest(series,
                    List.of(new Instance("1.2.826.0.1." + i + ".1.1", "1.2.840.10008.5.1.4.1.1.2", 1, null)))),
                    "hospital-a"));
        }
    }

    @Test
    void studies_deniedPatients_droppedBeforePaging() {
        consent.permit = r -> !r.patientId().equals("P2") && !r.patientId().equals("P4");

        SearchResult<Study> page1 = search.studies(query(Map.of("limit", List.of("3"))), CLINICIAN_B);
        SearchResult<Study> page2 = search.studies(query(Map.of("limit", List.of("3"), "offset", List.of("3"))), CLINICIAN_B);

        assertEquals(List.of("1.2.826.0.1.10", "1.2.826.0.1.9", "1.2.826.0.1.6"), uids(page1),
                "first page is filled with permitted studies (newest first)");
        assertTrue(page1.more(), "three more permitted studies follow");
        assertEquals(List.of("1.2.826.0.1.5", "1.2.826.0.1.2", "1.2.826.0.1.1"), uids(page2));
        assertFalse(page2.more(), "nothing permitted after the second page");
        assertFalse(page2.truncated());
    }

    @Test
    void studies_offsetPastPermitted_isEmptyPage() {
        consent.permit = r -> r.patientId().equals("P1");
        SearchResult<Study> r = search.studies(query(Map.of("offset", List.of("2"))), CLINICIAN_B);
        assertTrue(r.items().isEmpty());
        assertFalse(r.more());
    }

    @Test
    void studies_consentAskedOncePerPatientWithRequesterAndCustodian() {
        consent.permit = r -> true;
        search.studies(query(Map.of()), CLINICIAN_B);
        assertEquals(5, consent.requests.size(), "one decision per distinct patient at a custodian");
        ConsentRequest r = consent.requests.get(0);
        assertEquals("HOSP-A", r.patientIdIssuer());
        assertEquals("hospital-b", r.requesterOrganizationId());
        assertEquals("BE", r.requesterCountry());
        assertEquals("clinician-b", r.requesterId());
        assertEquals("TREAT", r.purposeOfUse());
        assertEquals(DataClass.IMAGING_STUDY, r.dataClass());
        assertEquals("hospital-a", r.custodianOrganizationId());
    }

    @Test
    void studies_custodian_seesOwnStudiesWithoutConsentCall() {
        consent.permit = r -> false;
        SearchResult<Study> r = search.studies(query(Map.of()), RADIOLOGIST_A);
        assertEquals(10, r.items().size(), "the custodian sees its whole archive");
        assertTrue(consent.requests.isEmpty(), "no consent call for the custodian's own studies");
    }

    @Test
    void studies_consentServiceGivesNoAnswer_is503NotEmpty() {
        consent.unavailable = true;
        ConsentUnavailableException e = assertThrows(ConsentUnavailableException.class,
                () -> search.studies(query(Map.of()), CLINICIAN_B));
        assertEquals(503, e.status());
        assertEquals(10, search.studies(query(Map.of()), RADIOLOGIST_A).items().size(),
                "the custodian is not affected by a consent outage");
    }

    @Test
    void studies_decisionPointAnswersTooFew_is503() {
        consent.truncate = true;
        consent.permit = r -> true;
        assertThrows(ConsentUnavailableException.class, () -> search.studies(query(Map.of()), CLINICIAN_B));
    }

    @Test
    void studies_withoutPatientId_neverShownToOthers() {
        index.add(StudyManifest.of(Studies.header("9.9", "", "", null, null, null), List.of(), "hospital-a"));
        consent.permit = r -> true;
        assertTrue(search.studies(query(Map.of("StudyInstanceUID", List.of("9.9"))), CLINICIAN_B).items().isEmpty());
        assertEquals(1, search.studies(query(Map.of("StudyInstanceUID", List.of("9.9"))), RADIOLOGIST_A).items().size());
    }

    @Test
    void studies_scanLimitReached_isTruncatedNotEndless() {
        StudySearch limited = new StudySearch(index, new ConsentGate(consent), ConsentPrefilter.NONE, 4);
        consent.permit = r -> false;
        SearchResult<Study> r = limited.studies(query(Map.of()), CLINICIAN_B);
        assertTrue(r.items().isEmpty());
        assertTrue(r.truncated(), "the search says it stopped early");
        assertEquals(4, index.rowsRead, "no more rows than the scan limit are read");
    }

    @Test
    void studies_readsTheIndexInWindowsNotWhole() {
        consent.permit = r -> true;
        search.studies(query(Map.of("limit", List.of("2"))), CLINICIAN_B);
        assertEquals(1, index.findCalls, "one window fills a small page");
    }

    @Test
    void series_deniedStudy_isNotFoundLikeUnknown() {
        consent.permit = r -> false;
        StudyNotFoundException denied = assertThrows(StudyNotFoundException.class,
                () -> search.series("1.2.826.0.1.1", QidoQueryParser.series(Map.of()), CLINICIAN_B));
        StudyNotFoundException unknown = assertThrows(StudyNotFoundException.class,
                () -> search.series("1.2.826.0.1.99", QidoQueryParser.series(Map.of()), CLINICIAN_B));
        assertEquals(404, denied.status());
        assertEquals(denied.title(), unknown.title());
        assertEquals(denied.type(), unknown.type());
    }

    @Test
    void instances_permittedStudy_filteredBySopClass() {
        consent.permit = r -> true;
        StudySearch.InStudy<Instance> r = search.instances("1.2.826.0.1.1", "1.2.826.0.1.1.1",
                QidoQueryParser.instances(Map.of("SOPClassUID", List.of("1.2.840.10008.5.1.4.1.1.2"))), CLINICIAN_B);
        assertEquals(1, r.result().items().size());
        assertThrows(StudyNotFoundException.class, () -> search.instances("1.2.826.0.1.1", "1.2.826.0.1.2.1",
                QidoQueryParser.instances(Map.of()), CLINICIAN_B), "series of another study is not found");
    }

    @Test
    void manifestsOfPatient_consentFilteredAndPaged() {
        consent.permit = r -> true;
        SearchResult<StudySearch.LocatedManifest> found = search.manifestsOfPatient(
                new PatientIdentifier("P1", ""), new Paging(0, 1), CLINICIAN_B);
        assertEquals(1, found.items().size());
        assertTrue(found.more());
        assertEquals(Set.of("1.2.826.0.1.2"), Set.of(found.items().get(0).manifest().study().studyInstanceUid()));
        consent.permit = r -> false;
        assertTrue(search.manifestsOfPatient(new PatientIdentifier("P1", "HOSP-A"), Paging.DEFAULT, CLINICIAN_B)
                .items().isEmpty());
    }

    @Test
    void studies_windowOfMorePatientsThanOneBatch_asksInBatchesOfTheConsentServiceBound() {
        for (int i = 1; i <= 2500; i++) {
            Study header = Studies.header("1.2.826.0.2." + i, "Q" + i, "HOSP-A", "Roe^Pat" + i,
                    LocalDate.of(2020, 1, 1), "B" + i);
            index.add(StudyManifest.of(header, List.of(), "hospital-a"));
        }
        consent.permit = r -> r.patientId().equals("Q7");
        StudySearch wide = new StudySearch(index, new ConsentGate(consent), ConsentPrefilter.NONE, 5000);

        SearchResult<Study> found = wide.studies(query(Map.of("limit", List.of("5"))), CLINICIAN_B);

        assertEquals(List.of("1.2.826.0.2.7"), uids(found), "the one permitted study of 2510 candidates");
        assertTrue(consent.batchSizes.stream().allMatch(n -> n <= ConsentGate.MAX_BATCH),
                "no consent call above the service's batch bound: " + consent.batchSizes);
    }

    @Test
    void studies_prefiltered_readsOnlyCandidatesAndStillAsksConsentForThem() {
        for (int i = 1; i <= 2500; i++) {
            index.add(StudyManifest.of(Studies.header("1.2.826.0.3." + i, "R" + i, "HOSP-A", "Roe^Pat" + i,
                    LocalDate.of(2025, 1, 1), "C" + i), List.of(), "hospital-a"));
        }
        index.permitCandidates.addAll(Set.of("R7", "R8"));
        consent.permit = r -> r.patientId().equals("R7");
        StudySearch prefiltered = new StudySearch(index, new ConsentGate(consent),
                r -> new SearchScope(r.organizationId(), r.country()), 20000);

        SearchResult<Study> found = prefiltered.studies(query(Map.of("limit", List.of("5"))), CLINICIAN_B);

        assertEquals(List.of("1.2.826.0.3.7"), uids(found), "a candidate whose permit does not apply stays hidden");
        assertEquals(2, index.rowsRead, "only the two candidates' studies are read, not 2510 rows");
        assertEquals(Set.of("R7", "R8"), consent.requests.stream().map(ConsentRequest::patientId)
                .collect(java.util.stream.Collectors.toSet()), "consent decides every candidate");
    }

    @Test
    void studies_prefilteredCustodian_seesWholeOwnArchiveWithoutConsentCall() {
        StudySearch prefiltered = new StudySearch(index, new ConsentGate(consent),
                r -> new SearchScope(r.organizationId(), r.country()), 20000);

        assertEquals(10, prefiltered.studies(query(Map.of()), RADIOLOGIST_A).items().size());
        assertTrue(consent.requests.isEmpty());
    }

    @Test
    void location_derivedCountsAndCustodian() {
        StudyLocation l = search.location("1.2.826.0.1.3");
        assertEquals("P2", l.patientId());
        assertEquals("hospital-a", l.custodianOrganizationId());
        assertEquals(1, index.study("1.2.826.0.1.3").orElseThrow().numberOfInstances(), "derived by counting");
    }

    private static StudyQuery query(Map<String, List<String>> params) {
        return QidoQueryParser.studies(params);
    }

    private static List<String> uids(SearchResult<Study> r) {
        return r.items().stream().map(Study::studyInstanceUid).toList();
    }

    /** Decides by a predicate; records every request. */
    private static final class FakeConsent implements ConsentDecisionPoint {
        Predicate<ConsentRequest> permit = r -> false;
        boolean truncate;
        boolean unavailable;
        final List<ConsentRequest> requests = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public ConsentDecision decide(ConsentRequest request) {
            return decideAll(List.of(request)).get(0);
        }

        @Override
        public List<ConsentDecision> decideAll(List<ConsentRequest> batch) {
            requests.addAll(batch);
            batchSizes.add(batch.size());
            List<ConsentDecision> out = batch.stream().map(r -> unavailable ? ConsentDecision.unavailable()
                    : permit.test(r) ? new ConsentDecision(Decision.PERMIT, "consent-permit", "test")
                    : new ConsentDecision(Decision.DENY, "opt-in-no-consent", "test")).toList();
            return truncate ? out.subList(0, 1) : out;
        }
    }
}
