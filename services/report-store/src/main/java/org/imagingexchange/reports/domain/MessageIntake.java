package org.imagingexchange.reports.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.imagingexchange.kit.context.Actor;

/**
 * Stores the report of a received HL7 v2 message at most once per {@link MessageKey} (HL7 v2.5.1 §2.10.1:
 * a receiver that has processed a message acknowledges a resend of it again without processing it twice).
 * The report and the log entry are written in one transaction, so a crash never leaves one without the
 * other. Thread-safe; two concurrent first deliveries of one message end with one stored report and the
 * second caller's transaction rolled back ({@link #storeOnce} throws; {@link #previous} then finds it).
 */
@ApplicationScoped
public class MessageIntake {

    @Inject
    ReportService reports;

    @Inject
    ReceivedMessages received;

    private Clock clock = Clock.systemUTC();

    /** For CDI. */
    public MessageIntake() {
    }

    /**
     * For tests outside a container (no transaction: the port's writes happen as they come).
     *
     * @param reports  the report service
     * @param received the message log
     * @param clock    time of the log entries
     */
    public MessageIntake(ReportService reports, ReceivedMessages received, Clock clock) {
        this.reports = reports;
        this.received = received;
        this.clock = clock;
    }

    /**
     * The outcome of an intake.
     *
     * @param reportId  the id of the stored report (the earlier one for a duplicate)
     * @param stored    the report stored now; empty for a duplicate
     */
    public record Outcome(String reportId, Optional<StoredReport> stored) {

        /** @return true when the message had been received before and nothing was stored now */
        public boolean duplicate() {
            return stored.isEmpty();
        }
    }

    /**
     * @param key the message identity
     * @return the outcome of an earlier intake of the message; empty when it was not received before
     */
    public Optional<Outcome> previous(MessageKey key) {
        return received.reportFor(key).map(id -> new Outcome(id, Optional.empty()));
    }

    /**
     * Validates and stores the report unless the message was received before.
     *
     * @param key        the message identity
     * @param submission the report's eHN facts
     * @param author     the sender as the store's caller (organisation = custodian)
     * @param renderer   the stored FHIR JSON once id and version are known
     * @return the outcome (a duplicate stores nothing)
     * @throws ReportValidationException (HL7 AE) when required eHN elements are missing; nothing is stored
     */
    @Transactional
    public Outcome storeOnce(MessageKey key, ReportSubmission submission, Actor author, ReportRenderer renderer) {
        Optional<Outcome> earlier = previous(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        StoredReport stored = reports.create(submission, author, renderer);
        received.record(key, stored.id(), clock.instant());
        return new Outcome(stored.id(), Optional.of(stored));
    }
}
