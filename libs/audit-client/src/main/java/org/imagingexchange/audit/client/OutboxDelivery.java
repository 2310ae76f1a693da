package org.imagingexchange.audit.client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox in order: oldest file first, deleted only after the audit service answered
 * 2xx (201 new, 200 duplicate). The first failure stops the pass and starts an exponential back-off
 * (1 s doubling up to {@link #MAX_BACKOFF}), so order is kept and nothing is lost. A record the
 * service refuses as invalid (400, 422) is moved aside ({@link AuditOutbox#reject}) instead of
 * blocking the queue. Thread-safe: one pass at a time; a concurrent call returns at once.
 */
public final class OutboxDelivery {

    /** First back-off after a failed delivery. */
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    /** Longest back-off between attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    private final AuditOutbox outbox;
    private final AuditTransport transport;
    private final Clock clock;
    private final ReentrantLock pass = new ReentrantLock();
    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.EPOCH;

    /**
     * @param outbox    the outbox to drain
     * @param transport the sender
     * @param clock     time source for the back-off
     */
    public OutboxDelivery(AuditOutbox outbox, AuditTransport transport, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * Runs one delivery pass unless another pass is running or a back-off is in force.
     *
     * @return number of records delivered (deleted) in this pass
     */
    public int deliverPending() {
        if (!pass.tryLock()) {
            return 0;
        }
        try {
            if (clock.instant().isBefore(nextAttempt)) {
                return 0;
            }
            return drain();
        } finally {
            pass.unlock();
        }
    }

    /** @return true while a failed delivery holds the outbox back */
    public boolean backingOff() {
        return clock.instant().isBefore(nextAttempt);
    }

    private int drain() {
        int delivered = 0;
        List<Path> files;
        try {
            files = outbox.pending();
        } catch (IOException e) {
            failed("cannot list outbox " + outbox.directory(), e);
            return 0;
        }
        for (Path file : files) {
            if (!deliver(file)) {
                return delivered;
            }
            delivered++;
        }
        backoff = Duration.ZERO;
        nextAttempt = Instant.EPOCH;
        return delivered;
    }

    /** @return true when the file left the queue (delivered or set aside) */
    private boolean deliver(Path file) {
        AuditRecord record;
        try {
            record = outbox.read(file);
        } catch (IOException e) {
            failed("cannot read " + file, e);
            return false;
        } catch (RuntimeException e) {
            return setAside(file, "unreadable record file", e);
        }
        int status;
        try {
            status = transport.send(record);
        } catch (RuntimeException e) {
            failed("audit service unreachable for event " + record.eventId() + ": " + e.getMessage(), null);
            return false;
        }
        if (status >= 200 && status < 300) {
            try {
                outbox.delete(file);
            } catch (IOException e) {
                failed("delivered but cannot delete " + file, e);
                return false;
            }
            return true;
        }
        if (status == 400 || status == 422) {
            return setAside(file, "audit service refused event " + record.eventId() + " with HTTP " + status, null);
        }
        failed("audit service answered HTTP " + status + " for event " + record.eventId(), null);
        return false;
    }

    private boolean setAside(Path file, String why, Exception cause) {
        try {
            Path target = outbox.reject(file);
            LOG.log(Level.SEVERE, why + "; kept in " + target, cause);
            return true;
        } catch (IOException e) {
            failed("cannot set aside " + file, e);
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
