package org.imagingexchange.audit.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the journal in order, in batches of up to {@code batchSize} records: each batch is one call of the
 * {@link AuditTransport}; the delivered marker moves past every record the service stored (201 new, 200
 * duplicate) up to the first one it did not. That first failure ends the pass and starts an exponential
 * back-off (1 s doubling up to {@link #MAX_BACKOFF}), so order is kept and nothing is lost. A record the
 * service refuses as invalid (400, 422), or that cannot be read back, is set aside
 * ({@link AuditJournal#reject}) instead of blocking the queue. Thread-safe: one pass at a time; a concurrent
 * call returns at once.
 */
public final class OutboxDelivery {

    /** First back-off after a failed delivery. */
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    /** Longest back-off between attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    private final AuditJournal journal;
    private final AuditTransport transport;
    private final Clock clock;
    private final int batchSize;
    private final ReentrantLock pass = new ReentrantLock();
    private Duration backoff = Duration.ZERO;
    private volatile Instant nextAttempt = Instant.EPOCH;

    /**
     * @param journal   the journal to drain
     * @param transport the sender
     * @param clock     time source for the back-off
     * @param batchSize most records per call of the transport (at least 1)
     */
    public OutboxDelivery(AuditJournal journal, AuditTransport transport, Clock clock, int batchSize) {
        this.journal = journal;
        this.transport = transport;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * Runs one delivery pass (batches until the journal is drained or a batch fails) unless another pass is
     * running or a back-off is in force.
     *
     * @return number of records that left the queue in this pass (delivered or set aside)
     */
    public int deliverPending() {
        if (!pass.tryLock()) {
            return 0;
        }
        try {
            if (clock.instant().isBefore(nextAttempt)) {
                return 0;
            }
            int total = 0;
            Batch batch;
            do {
                batch = deliverBatch();
                total += batch.done();
            } while (!batch.failed() && batch.done() > 0);
            if (!batch.failed()) {
                backoff = Duration.ZERO;
                nextAttempt = Instant.EPOCH;
            }
            return total;
        } finally {
            pass.unlock();
        }
    }

    /** @return true while a failed delivery holds the journal back */
    public boolean backingOff() {
        return clock.instant().isBefore(nextAttempt);
    }

    /** Outcome of one batch: records that left the queue, and whether a failure ended it. */
    private record Batch(int done, boolean failed) {
        static final Batch FAILED = new Batch(0, true);
    }

    private Batch deliverBatch() {
        List<AuditJournal.Entry> entries;
        try {
            entries = journal.read(journal.deliveredUpTo(), batchSize);
        } catch (IOException e) {
            failed("cannot read the audit journal " + journal.directory(), e);
            return Batch.FAILED;
        }
        if (entries.isEmpty()) {
            return new Batch(0, false);
        }
        List<AuditRecord> records = entries.stream().map(AuditJournal.Entry::record)
                .filter(r -> r != null).toList();
        List<Integer> statuses;
        try {
            statuses = records.isEmpty() ? List.of() : transport.send(records);
        } catch (RuntimeException e) {
            failed("audit service unreachable for " + records.size() + " records: " + e.getMessage(), null);
            return Batch.FAILED;
        }
        if (statuses.size() != records.size()) {
            failed("audit service answered " + statuses.size() + " statuses for " + records.size() + " records", null);
            return Batch.FAILED;
        }
        return settle(entries, statuses);
    }

    /** Moves the marker past the leading records that left the queue (stored or set aside). */
    private Batch settle(List<AuditJournal.Entry> entries, List<Integer> statuses) {
        long upTo = journal.deliveredUpTo();
        int done = 0;
        int answered = 0;
        String stop = null;
        for (AuditJournal.Entry entry : entries) {
            if (entry.record() == null) {
                if (!setAside(entry, "unreadable audit record in the journal")) {
                    stop = "cannot set aside an unreadable record";
                    break;
                }
            } else {
                int status = statuses.get(answered++);
                if (status == 400 || status == 422) {
                    if (!setAside(entry, "audit service refused event " + entry.record().eventId() + " with HTTP " + status)) {
                        stop = "cannot set aside event " + entry.record().eventId();
                        break;
                    }
                } else if (status < 200 || status >= 300) {
                    stop = "audit service answered HTTP " + status + " for event " + entry.record().eventId();
                    break;
                }
            }
            upTo = entry.end();
            done++;
        }
        try {
            journal.markDelivered(upTo, done);
        } catch (IOException e) {
            failed("delivered but cannot write the delivered marker in " + journal.directory(), e);
            return Batch.FAILED;
        }
        if (stop != null) {
            failed(stop, null);
            return new Batch(done, true);
        }
        return new Batch(done, false);
    }

    private boolean setAside(AuditJournal.Entry entry, String why) {
        try {
            journal.reject(entry, why);
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot set aside an audit record: " + why, e);
            return false;
        }
    }

    private void failed(String what, Exception cause) {
        backoff = backoff.isZero() ? MIN_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
        nextAttempt = clock.instant().plus(backoff);
        LOG.log(Level.WARNING, "audit outbox delivery paused " + backoff.toSeconds() + "s: " + what, cause);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
