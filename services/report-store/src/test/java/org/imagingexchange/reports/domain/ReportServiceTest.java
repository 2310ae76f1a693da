package org.imagingexchange.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.kit.context.Actor;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    static final Actor HOSPITAL_A = new Actor("sub-a", "service-account-hospital-a", "hospital-a", "hospital-a", "NL", "TREAT",
            Set.of("report-author", "report-reader"), "");
    static final Actor CLINICIAN_B = new Actor("sub-b", "clinician-b", "exchange-cli", "hospital-b", "BE", "TREAT",
            Set.of("report-reader"), "");

    /** Storage in a list: enough to test what the service decides. */
    static final class ListRepository implements ReportRepository {
        final List<StoredReport> rows = new ArrayList<>();

        @Override
        public void insert(StoredReport report) {
            rows.add(0, report);
        }

        @Override
        public Optional<StoredReport> find(String id) {
            return rows.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public List<StoredReport> search(ReportCriteria criteria, int limit) {
            return rows.stream().filter(r -> criteria.patient() == null || r.patient().value().equals(criteria.patient().value()))
                    .limit(limit).toList();
        }
    }

    /** Permits only reports whose patient id is in the allowed set; records every question. */
    static final class ListConsent implements ConsentDecisionPoint {
        final Set<String> permittedPatients;
        final List<ConsentRequest> asked = new ArrayList<>();

        ListConsent(Set<String> permittedPatients) {
            this.permittedPatients = permittedPatients;
        }

        @Override
        public ConsentDecision decide(ConsentRequest request) {
            asked.add(request);
            return permittedPatients.contains(request.patientId()) ? new ConsentDecision(Decision.PERMIT, "consent-permit", "c1")
                    : new ConsentDecision(Decision.DENY, "opt-in-no-consent", "opt-in");
        }

        @Override
        public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
            return requests.stream().map(this::decide).toList();
        }
    }

    final ListRepository repository = new ListRepository();
    final Clock clock = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    ReportService service(ConsentDecisionPoint consent) {
        return new ReportService(repository, consent, clock);
    }

    static ReportSubmission reportFor(String patientId) {
        ReportSubmission c = EhnReportRulesTest.complete();
        return new ReportSubmission(List.of(), c.basePath(), false, new PatientIdentifier("", patientId), c.authors(), c.status(),
                c.reportDateTime(), c.issued(), c.codes(), c.studyUids(), c.accessionNumbers(), c.modalities(), c.conclusion());
    }

    @Test
    void create_validReport_storedAsVersion1WithCustodianAndRenderedJson() {
        StoredReport r = service(new ListConsent(Set.of())).create(reportFor("1CT1"), HOSPITAL_A,
                (id, v, t) -> "{\"id\":\"" + id + "\",\"v\":" + v + ",\"t\":\"" + t + "\"}");
        assertEquals(1, r.versionId());
        assertEquals("hospital-a", r.authorOrganizationId());
        assertEquals("service-account-hospital-a", r.createdBy());
        assertEquals(List.of(new StudyInstanceUid(EhnReportRulesTest.UID)), r.studyInstanceUids());
        assertEquals("{\"id\":\"" + r.id() + "\",\"v\":1,\"t\":\"2024-06-01T12:00:00Z\"}", r.resourceJson());
        assertEquals(List.of(r), repository.rows);
    }

    @Test
    void create_invalidReport_422AndNothingStored() {
        ReportSubmission c = EhnReportRulesTest.complete();
        ReportSubmission invalid = new ReportSubmission(List.of(), c.basePath(), false, null, c.authors(), c.status(),
                c.reportDateTime(), c.issued(), c.codes(), c.studyUids(), c.accessionNumbers(), c.modalities(), null);
        assertThrows(ReportValidationException.class,
                () -> service(new ListConsent(Set.of())).create(invalid, HOSPITAL_A, (id, v, t) -> "{}"));
        assertTrue(repository.rows.isEmpty(), "nothing stored");
    }

    @Test
    void authorize_denied_404LikeAnUnknownId() {
        ReportService service = service(new ListConsent(Set.of()));
        StoredReport r = service.create(reportFor("1CT1"), HOSPITAL_A, (id, v, t) -> "{}");
        ReportNotFoundException e = assertThrows(ReportNotFoundException.class, () -> service.authorize(r, CLINICIAN_B));
        ReportNotFoundException unknown = assertThrows(ReportNotFoundException.class, () -> service.find("no-such-id"));
        assertEquals(404, e.status());
        assertEquals(unknown.type(), e.type());
        assertEquals(unknown.detail().replace("no-such-id", r.id()), e.detail(), "same answer as an unknown id");
    }

    @Test
    void authorize_consentUnreachable_503() {
        ReportService service = service(new ConsentDecisionPoint() {
            @Override
            public ConsentDecision decide(ConsentRequest request) {
                return ConsentDecision.unavailable();
            }

            @Override
            public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
                return requests.stream().map(this::decide).toList();
            }
        });
        StoredReport r = service.create(reportFor("1CT1"), HOSPITAL_A, (id, v, t) -> "{}");
        org.imagingexchange.consent.client.ConsentUnavailableException e = assertThrows(
                org.imagingexchange.consent.client.ConsentUnavailableException.class, () -> service.authorize(r, CLINICIAN_B));
        assertEquals(503, e.status());
    }

    @Test
    void authorize_asksForImagingReportWithCustodianAndRequester() {
        ListConsent consent = new ListConsent(Set.of("1CT1"));
        ReportService service = service(consent);
        StoredReport r = service.create(reportFor("1CT1"), HOSPITAL_A, (id, v, t) -> "{}");
        service.authorize(r, CLINICIAN_B);
        assertEquals(new ConsentRequest("1CT1", "", "hospital-b", "BE", "clinician-b", "TREAT", DataClass.IMAGING_REPORT,
                "hospital-a", false), consent.asked.get(0));
    }

    @Test
    void search_someDenied_filteredBeforeCountingAndPaging() {
        ReportService service = service(new ListConsent(Set.of("P1")));
        for (String p : List.of("P1", "P2", "P1", "P1")) {
            service.create(reportFor(p), HOSPITAL_A, (id, v, t) -> "{}");
        }
        ReportCriteria any = new ReportCriteria(null, new StudyInstanceUid(EhnReportRulesTest.UID));
        SearchResult page1 = service.search(any, 2, 0, CLINICIAN_B);
        assertEquals(3, page1.total(), "denied report not counted");
        assertEquals(2, page1.page().size());
        SearchResult page2 = service.search(any, 2, 2, CLINICIAN_B);
        assertEquals(1, page2.page().size());
        assertTrue(page2.page().stream().allMatch(r -> r.patient().value().equals("P1")));
    }

    @Test
    void search_consentPointThrows_failClosedNothingListed() {
        ConsentDecisionPoint broken = new ConsentDecisionPoint() {
            @Override
            public ConsentDecision decide(ConsentRequest request) {
                throw new IllegalStateException("boom");
            }

            @Override
            public List<ConsentDecision> decideAll(List<ConsentRequest> requests) {
                throw new IllegalStateException("boom");
            }
        };
        ReportService service = service(broken);
        service.create(reportFor("P1"), HOSPITAL_A, (id, v, t) -> "{}");
        SearchResult result = service.search(new ReportCriteria(new PatientIdentifier.Query(null, "P1"), null), 10, 0, HOSPITAL_A);
        assertEquals(0, result.total());
    }

    @Test
    void find_unknown_404() {
        assertEquals(404, assertThrows(ReportNotFoundException.class,
                () -> service(new ListConsent(Set.of())).find("nope")).status());
    }
}
