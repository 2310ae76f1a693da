package org.imagingexchange.reports.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentDecisionPoint;
import org.imagingexchange.consent.client.ConsentUnavailableException;
import org.imagingexchange.kit.context.Actor;

/**
 * Creates, reads and searches imaging reports: intake is refused unless the eHN rule set passes
 * ({@link EhnReportRules}); every disclosure is decided by the {@link ConsentDecisionPoint} (data class
 * IMAGING_REPORT, custodian = the report's author organisation) and fails closed. Searches filter
 * BEFORE counting and paging, so totals never reveal denied reports. Thread-safe.
 */
@ApplicationScoped
public class ReportService {

    /** Search candidates fetched before consent filtering; more matches than this are not listed. */
    public static final int MAX_CANDIDATES = 1000;

    private static final Logger LOG = Logger.getLogger(ReportService.class.getName());

    private final EhnReportRules rules = new EhnReportRules();
    private Clock clock = Clock.systemUTC();

    @Inject
    ReportRepository repository;

    @Inject
    Instance<ConsentDecisionPoint> consentPoints;

    private ConsentDecisionPoint fixedConsent;

    /** For CDI. */
    public ReportService() {
    }

    /**
     * For tests outside a container.
     *
     * @param repository storage
     * @param consent    consent decisions
     * @param clock      time source of meta.lastUpdated
     */
    public ReportService(ReportRepository repository, ConsentDecisionPoint consent, Clock clock) {
        this.repository = repository;
        this.fixedConsent = consent;
        this.clock = clock;
    }

    /**
     * Validates and stores a new report as version 1.
     *
     * @param submission the extracted eHN facts
     * @param author     the submitting caller; its organisation becomes the custodian
     * @param renderer   produces the stored FHIR JSON once id, version and time are known
     * @return the stored report
     * @throws ReportValidationException (422) when required eHN elements are missing; nothing is stored
     */
    public StoredReport create(ReportSubmission submission, Actor author, ReportRenderer renderer) {
        rules.validate(submission);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredReport report = new StoredReport(id, 1, submission.status(), submission.patient(),
                submission.validStudyUids(), submission.accessionNumbers(), submission.issued(),
                author.organizationId(), author.username().isEmpty() ? author.subject() : author.username(), now,
                renderer.render(id, 1, now));
        repository.insert(report);
        return report;
    }

    /**
     * @param id report id
     * @return the stored report, not yet authorised for anyone
     * @throws ReportNotFoundException (404) when unknown
     */
    public StoredReport find(String id) {
        return repository.find(id).orElseThrow(() -> new ReportNotFoundException(id));
    }

    /**
     * Asks consent whether the requester may see the report.
     *
     * @param report    the report
     * @param requester the verified caller
     * @return the permitting decision
     * @throws ReportNotFoundException    (404) when consent denies: the same answer as for an unknown id, so a
     *                                    read reveals nothing about reports the caller may not see
     * @throws ConsentUnavailableException (503) when consent gave no decision (fail closed)
     */
    public ConsentDecision authorize(StoredReport report, Actor requester) {
        ConsentDecision decision = decideAll(List.of(report), requester).get(0);
        if (decision.undecided()) {
            throw new ConsentUnavailableException();
        }
        if (!decision.permitted()) {
            throw new ReportNotFoundException(report.id());
        }
        return decision;
    }

    /**
     * Searches, drops what consent denies, then counts and pages.
     *
     * @param criteria  what to match
     * @param count     page size ({@code _count}), at least 0
     * @param offset    index of the first permitted match to return, at least 0
     * @param requester the verified caller
     * @return the page and the permitted total
     */
    public SearchResult search(ReportCriteria criteria, int count, int offset, Actor requester) {
        List<StoredReport> candidates = repository.search(criteria, MAX_CANDIDATES);
        List<ConsentDecision> decisions = decideAll(candidates, requester);
        List<StoredReport> permitted = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (decisions.get(i).permitted()) {
                permitted.add(candidates.get(i));
            }
        }
        int from = Math.min(offset, permitted.size());
        int to = Math.min(permitted.size(), from + count);
        return new SearchResult(permitted.size(), from, permitted.subList(from, to));
    }

    private List<ConsentDecision> decideAll(List<StoredReport> reports, Actor requester) {
        if (reports.isEmpty()) {
            return List.of();
        }
        ConsentDecisionPoint point = consentPoint();
        List<ConsentDecision> decisions = null;
        if (point != null) {
            try {
                decisions = point.decideAll(reports.stream().map(r -> ReportConsentRequests.of(r, requester)).toList());
            } catch (RuntimeException e) {
                // The port promises not to throw; if it does anyway, the answer is the fail-closed one.
                LOG.log(Level.WARNING, "consent decision point failed; denying", e);
            }
        }
        if (decisions == null || decisions.size() != reports.size()) {
            return reports.stream().map(r -> ConsentDecision.unavailable()).toList();
        }
        return decisions.stream().map(d -> d == null ? ConsentDecision.unavailable() : d).toList();
    }

    private ConsentDecisionPoint consentPoint() {
        if (fixedConsent != null) {
            return fixedConsent;
        }
        if (consentPoints == null || !consentPoints.isResolvable()) {
            LOG.warning("no ConsentDecisionPoint implementation deployed; every report access is denied");
            return null;
        }
        return consentPoints.get();
    }
}
