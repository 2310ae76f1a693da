package org.imagingexchange.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Consent BEFORE counting and paging, with a fake ConsentDecisionPoint (unit-test double of the port). */
class StudySearchTest {

    private static final Requester CLINICIAN_B = new Requester("hospital-b", "BE", "clinician-b", "TREAT");

    private final InMemoryStudyIndex index = new InMemoryStudyIndex();
    private final FakeConsent consent = new FakeConsent();
    private final StudySearch search = new StudySearch(index, new ConsentGate(consent));

    @BeforeEach
    void tenStudiesOfFivePatients() {
        for (int i = 1; i <= 10; i++) {
            String patient = "P" + ((i + 1) / 2);
            Study header = new Study("1.2.826.0.1." + i, patient, "HOSP-A", "Doe^Pat" + i, null, "F",
                    LocalDate.of(2024, 1, i), null, "ACC" + i, null, "study " + i, null, List.of("CT"), List.of(),
                    0, 0, null, null);
            Series series = new Series("1.2.826.0.1." + i + ".1", i % 2 == 0 ? "MR" : "CT", 1, null, "HEAD", 0);
            index.add(StudyManifest.of(header, List.of(new StudyManifest.SeriesManifest(series,
                    List.of(new Instance("1.2.826.0.1." + i + ".1.1", "1.2.840.10008.5.1.4.1.1.2", 1, null)))),
                    "hospital-a", "hospital-a"));
        }
        index.endpointBySource.put("hospital-a", "http://127.0.0.1:8042/dicom-web");
    }

    @Test
    void studies_deniedPatients_droppedBeforeTotalAndPaging() {
        consent.permit = r -> !r.patientId().equals("P2") && !r.patientId().equals("P4");

        SearchResult<Study> page1 = search.studies(query(Map.of("limit", List.of("3"))), CLINICIAN_B);
        SearchResult<Study> page2 = search.studies(query(Map.of("limit", List.of("3"), "offset", List.of("3"))), CLINICIAN_B);

        assertEquals(6, page1.total(), "total counts permitted studies only");
        assertEquals(List.of("1.2.826.0.1.10", "1.2.826.0.1.9", "1.2.826.0.1.6"), uids(page1),
                "first page is filled with permitted studies (newest first)");
        assertEquals(List.of("1.2.826.0.1.5", "1.2.826.0.1.2", "1.2.826.0.1.1"), uids(page2));
        assertTrue(uids(page1).stream().noneMatch(u -> u.endsWith(".3") || u.endsWith(".4")));
    }

    @Test
    void studies_offsetPastPermitted_isEmptyPage() {
        consent.permit = r -> r.patientId().equals("P1");
        SearchResult<Study> r = search.studies(query(Map.of("offset", List.of("2"))), CLINICIAN_B);
        assertEquals(2, r.total());
        assertTrue(r.items().isEmpty());
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
    void studies_matchingAppliedBeforeConsent() {
        consent.permit = r -> true;
        SearchResult<Study> r = search.studies(query(Map.of("PatientName", List.of("doe^pat1*"),
                "StudyDate", List.of("20240101-20240110"))), CLINICIAN_B);
        assertEquals(List.of("1.2.826.0.1.10", "1.2.826.0.1.1"), uids(r));
        assertEquals(Set.of("P1", "P5"), Set.copyOf(consent.requests.stream().map(ConsentRequest::patientId).toList()),
                "only matched studies are put to consent");
    }

    @Test
    void studies_decisionPointAnswersTooFew_failsClosed() {
        consent.truncate = true;
        consent.permit = r -> true;
        SearchResult<Study> r = search.studies(query(Map.of()), CLINICIAN_B);
        assertEquals(2, r.total(), "only the first patient (P5, 2 studies) got an answer; the rest are dropped");
        assertTrue(r.items().stream().allMatch(s -> s.patientId().equals("P5")));
    }

    @Test
    void studies_withoutPatientId_neverShown() {
        index.add(StudyManifest.of(new Study("9.9", "", "", null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), 0, 0, null, null), List.of(), "hospital-a", "hospital-a"));
        consent.permit = r -> true;
        SearchResult<Study> r = search.studies(query(Map.of("StudyInstanceUID", List.of("9.9"))), CLINICIAN_B);
        assertEquals(0, r.total());
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
        assertEquals(1, r.result().total());
        assertThrows(StudyNotFoundException.class, () -> search.instances("1.2.826.0.1.1", "1.2.826.0.1.2.1",
                QidoQueryParser.instances(Map.of()), CLINICIAN_B), "series of another study is not found");
    }

    @Test
    void manifestsOfPatient_consentFilteredWithEndpoints() {
        consent.permit = r -> true;
        List<StudySearch.LocatedManifest> found = search.manifestsOfPatient("P1", null, CLINICIAN_B);
        assertEquals(2, found.size());
        assertEquals("http://127.0.0.1:8042/dicom-web", found.get(0).endpoints().get(0).address());
        consent.permit = r -> false;
        assertTrue(search.manifestsOfPatient("P1", "HOSP-A", CLINICIAN_B).isEmpty());
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
        final List<ConsentRequest> requests = new ArrayList<>();

        @Override
        public ConsentDecision decide(ConsentRequest request) {
            return decideAll(List.of(request)).get(0);
        }

        @Override
        public List<ConsentDecision> decideAll(List<ConsentRequest> batch) {
            requests.addAll(batch);
            List<ConsentDecision> out = batch.stream().map(r -> permit.test(r)
                    ? new ConsentDecision(Decision.PERMIT, "consent-permit", "test")
                    : new ConsentDecision(Decision.DENY, "opt-in-no-consent", "test")).toList();
            return truncate ? out.subList(0, 1) : out;
        }
    }
}
