package org.imagingexchange.registry.integration;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.consent.client.ConsentPermitFeed;
import org.imagingexchange.consent.client.PermitFeedEntry;
import org.imagingexchange.consent.client.PermitFeedPage;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.domain.ConsentPrefilter;
import org.imagingexchange.registry.domain.Requester;
import org.imagingexchange.registry.domain.SearchScope;
import org.imagingexchange.registry.persistence.JpaConsentPermits;
import org.imagingexchange.registry.persistence.RegistrySchema;

/**
 * Follows the consent service's permit feed ({@code GET /consent/api/permits}) into the registry's own
 * mirror ({@link JpaConsentPermits}) every {@code exchange.registry.consent-feed.interval-ms} (default
 * 2000; 0 turns the pre-filter off), and is the {@link ConsentPrefilter} of searches: in an opt-in region,
 * while the mirror caught up with the feed within {@code exchange.registry.consent-feed.max-staleness-ms}
 * (default 300000), a requester's searches read only its own archive's studies and those of patients
 * with a permit directive that could apply to it. Otherwise (opt-out region, feed not followed, mirror
 * stale) searches read every matching row, as without the mirror.
 *
 * <p>The pre-filter only narrows what consent is then asked about: a stale mirror could hide a just
 * consented study but never shows a refused one, and every pre-filtered search first reads the feed's new
 * entries (one small request, shared by concurrent searches), so a consent recorded before it is seen. The
 * scheduled poll also re-reads the last {@value #OVERLAP} positions, so a directive whose transaction
 * committed after a later one is picked up within one interval; a search reads only positions after the
 * last one applied (no re-read on the search path). Gauge {@code registry_consent_feed_age_seconds}: time since the mirror last caught up.
 */
@ApplicationScoped
public class ConsentPermitSync implements ConsentPrefilter {

    private static final Logger LOG = Logger.getLogger(ConsentPermitSync.class.getName());

    /** Feed positions re-read on each poll. */
    static final long OVERLAP = 100;

    /** Entries per feed page. */
    static final int PAGE = 1000;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    RegistryConfig config;

    @Inject
    JpaConsentPermits mirror;

    @Inject
    Instance<ConsentPermitFeed> feeds;

    /** After a failed poll, searches do not poll again for this long (the schedule still does). */
    static final long RETRY_AFTER_FAILURE_MS = 5000;

    /** {@link #lastPollStart} before the first poll. */
    private static final long NEVER = Long.MIN_VALUE;

    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    /** Feed positions applied recently (the re-read overlap skips them). Guarded by {@link #lock}. */
    private final java.util.TreeSet<Long> applied = new java.util.TreeSet<>();
    /** {@link System#nanoTime()} when the last poll began. Guarded by {@link #lock}. */
    private long lastPollStart = NEVER;
    private volatile JpaConsentPermits.State state;
    private volatile Instant failedAt;
    private volatile ScheduledFuture<?> schedule;

    void onStart(@Observes @Priority(RegistrySchema.PRIORITY + 30) @Initialized(ApplicationScoped.class) Object event) {
        long interval = config.consentFeedIntervalMs();
        if (interval <= 0 || !feeds.isResolvable()) {
            LOG.info("consent pre-filter off: searches read every matching row and ask consent for each page");
            return;
        }
        state = mirror.state().orElse(null);
        GaugeWithCallback.builder()
                .name("registry_consent_feed_age_seconds")
                .help("Seconds since the registry's mirror of the consent permit feed last caught up")
                .callback(cb -> {
                    JpaConsentPermits.State s = state;
                    if (s != null) {
                        cb.call(Duration.between(s.syncedAt(), clock.instant()).toMillis() / 1000.0);
                    }
                })
                .register();
        schedule = executor.scheduleWithFixedDelay(this::sync, 0, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "consent pre-filter: following the permit feed every " + interval + " ms");
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** A scheduled poll. */
    void sync() {
        syncStartedAfter(System.nanoTime(), OVERLAP);
    }

    /**
     * Makes sure a poll that started at or after {@code since} (a {@link System#nanoTime()}) has run: so a
     * search sees every directive recorded before it began. One poll at a time; searches that arrive while
     * one runs wait and share the next. {@code overlap} positions before the last applied one are read
     * again (scheduled polls; 0 on the search path); entries applied before are skipped. Failures are logged
     * once until the next success.
     */
    private void syncStartedAfter(long since, long overlap) {
        lock.lock();
        try {
            if (lastPollStart - since >= 0 && lastPollStart != NEVER) {
                return; // a poll that began after this search did has run while it waited
            }
            lastPollStart = System.nanoTime();
            ConsentPermitFeed feed = feeds.get();
            JpaConsentPermits.State s = state;
            long after = s == null ? 0 : Math.max(0, s.lastSequence() - overlap);
            while (true) {
                PermitFeedPage page = feed.read(after, PAGE);
                long known = s == null ? 0 : s.lastSequence();
                List<PermitFeedEntry> fresh = page.entries().stream()
                        .filter(e -> e.sequence() > known || !applied.contains(e.sequence())).toList();
                if (!fresh.isEmpty() || s == null || !page.regionPolicy().equals(s.regionPolicy())) {
                    s = mirror.apply(new PermitFeedPage(page.regionPolicy(), fresh, page.last()), clock.instant());
                    fresh.forEach(e -> remember(e.sequence()));
                } else {
                    s = new JpaConsentPermits.State(s.lastSequence(), s.regionPolicy(), clock.instant());
                }
                state = s;
                if (page.entries().size() < PAGE) {
                    break;
                }
                after = page.last();
            }
            if (failedAt != null) {
                LOG.info("consent permit feed reachable again; the pre-filter is current");
                failedAt = null;
            }
        } catch (RuntimeException e) {
            // Keep the schedule alive; say it once, not every interval.
            if (failedAt == null) {
                LOG.log(Level.WARNING, "consent permit feed could not be read; searches fall back to reading every"
                        + " matching row once the mirror is older than " + config.consentFeedMaxStalenessMs() + " ms: " + e);
            }
            failedAt = clock.instant();
        } finally {
            lock.unlock();
        }
    }

    private void remember(long sequence) {
        applied.add(sequence);
        while (applied.size() > 4 * OVERLAP) {
            applied.pollFirst();
        }
    }

    /**
     * {@inheritDoc} The mirror is brought up to date first (one feed read, shared by concurrent searches),
     * so a consent recorded before the search began is seen by it; while the feed cannot be read (for
     * {@value #RETRY_AFTER_FAILURE_MS} ms after a failure) the mirror is used as it is, up to its maximum staleness.
     */
    @Override
    public SearchScope scopeFor(Requester requester) {
        if (requester.organizationId() == null || requester.organizationId().isEmpty() || schedule == null
                || requester.emergencyPurpose()) {
            // An emergency request may be granted by break-the-glass without any permit: every row is a candidate.
            return SearchScope.ALL;
        }
        long began = System.nanoTime();
        Instant failed = failedAt;
        if (failed == null || Duration.between(failed, clock.instant()).toMillis() > RETRY_AFTER_FAILURE_MS) {
            syncStartedAfter(began, 0);
        }
        JpaConsentPermits.State s = state;
        if (s == null || !"opt-in".equals(s.regionPolicy())
                || Duration.between(s.syncedAt(), clock.instant()).toMillis() > config.consentFeedMaxStalenessMs()) {
            return SearchScope.ALL;
        }
        return new SearchScope(requester.organizationId(),
                requester.country() == null ? "" : requester.country().toUpperCase(Locale.ROOT));
    }
}
