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
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.consent.client.ConsentPermitFeed;
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
 * consented study but never shows a refused one, and a search brings a mirror older than
 * {@code exchange.registry.consent-feed.fresh-ms} up to date before it reads. Each poll re-reads the last
 * {@value #OVERLAP} positions, so a directive whose transaction committed after a later one is still
 * picked up. Gauge {@code registry_consent_feed_age_seconds}: time since the mirror last caught up.
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

    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
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

    /**
     * One poll: reads the feed until it is exhausted; one poll at a time (a search that needs a fresh
     * mirror waits for the running one). Failures are logged once until the next success, and no search
     * tries again within {@value #RETRY_AFTER_FAILURE_MS} ms of one.
     */
    void sync() {
        syncIfOlderThan(-1);
    }

    private void syncIfOlderThan(long ageMs) {
        lock.lock();
        try {
            JpaConsentPermits.State s = state;
            if (s != null && Duration.between(s.syncedAt(), clock.instant()).toMillis() <= ageMs) {
                return; // another search brought it up to date while this one waited
            }
            ConsentPermitFeed feed = feeds.get();
            long after = s == null ? 0 : Math.max(0, s.lastSequence() - OVERLAP);
            while (true) {
                PermitFeedPage page = feed.read(after, PAGE);
                s = mirror.apply(page, clock.instant());
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

    /**
     * {@inheritDoc} A mirror older than {@code exchange.registry.consent-feed.fresh-ms} (default 500) is
     * brought up to date first, so a consent recorded just before a search is seen by it.
     */
    @Override
    public SearchScope scopeFor(Requester requester) {
        if (requester.organizationId() == null || requester.organizationId().isEmpty() || schedule == null) {
            return SearchScope.ALL;
        }
        Instant now = clock.instant();
        JpaConsentPermits.State s = state;
        Instant failed = failedAt;
        if ((s == null || Duration.between(s.syncedAt(), now).toMillis() > config.consentFeedFreshMs())
                && (failed == null || Duration.between(failed, now).toMillis() > RETRY_AFTER_FAILURE_MS)) {
            syncIfOlderThan(config.consentFeedFreshMs());
            s = state;
        }
        if (s == null || !"opt-in".equals(s.regionPolicy())
                || Duration.between(s.syncedAt(), clock.instant()).toMillis() > config.consentFeedMaxStalenessMs()) {
            return SearchScope.ALL;
        }
        return new SearchScope(requester.organizationId(),
                requester.country() == null ? "" : requester.country().toUpperCase(Locale.ROOT));
    }
}
