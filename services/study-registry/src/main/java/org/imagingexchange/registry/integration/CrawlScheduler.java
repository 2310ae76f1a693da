package org.imagingexchange.registry.integration;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.registry.config.RegistryConfig;
import org.imagingexchange.registry.config.SourceSettings;
import org.imagingexchange.registry.domain.CrawlService;
import org.imagingexchange.registry.persistence.RegistrySchema;

/**
 * Runs crawls without a request: at start-up the crawls a stop interrupted resume from their checkpoint;
 * once at start-up when {@code exchange.registry.crawl-on-start=true}, and per source every
 * {@code exchange.registry.source.<id>.crawl-interval} (else {@code exchange.registry.crawl-interval}) when set, on the server's
 * ManagedScheduledExecutorService (container threads, stopped with the application). Failures are
 * logged and kept in the crawl log; the next run tries again.
 */
@ApplicationScoped
public class CrawlScheduler {

    private static final Logger LOG = Logger.getLogger(CrawlScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    RegistryConfig config;

    @Inject
    CrawlService crawler;

    private final List<ScheduledFuture<?>> periodic = new ArrayList<>();

    void onStart(@Observes @Priority(RegistrySchema.PRIORITY + 20) @Initialized(ApplicationScoped.class) Object event) {
        for (String source : crawler.unfinished()) {
            LOG.info(() -> "the crawl of source " + source + " did not finish before the last stop; resuming it");
            executor.schedule(() -> crawl(Optional.of(source)), 0, TimeUnit.MILLISECONDS);
        }
        for (SourceSettings source : config.sources()) {
            Optional<Duration> interval = config.crawlInterval(source.id());
            Optional<String> id = Optional.of(source.id());
            if (interval.isPresent()) {
                long period = interval.get().toMillis();
                long initialDelay = config.crawlOnStart() ? 0 : period;
                periodic.add(executor.scheduleWithFixedDelay(() -> crawl(id), initialDelay, period, TimeUnit.MILLISECONDS));
                LOG.info(() -> "source " + source.id() + ": periodic crawl every " + interval.get());
            } else if (config.crawlOnStart()) {
                executor.schedule(() -> crawl(id), 0, TimeUnit.MILLISECONDS);
            }
        }
    }

    @PreDestroy
    void stop() {
        periodic.forEach(f -> f.cancel(false));
    }

    private void crawl(Optional<String> source) {
        try {
            crawler.crawl(source)
                    .forEach(r -> LOG.info(() -> "scheduled crawl of " + r.source() + ": " + r.studies() + " studies, "
                            + r.series() + " series, " + r.instances() + " instances (" + r.added() + " added, " + r.updated()
                            + " updated, " + r.removed() + " removed) in " + r.durationMs() + " ms"));
        } catch (ProblemException e) {
            LOG.warning(() -> "scheduled crawl failed: " + e.detail());
        } catch (RuntimeException e) {
            // Keep the schedule alive: a thrown exception would cancel all later runs.
            LOG.log(Level.SEVERE, "scheduled crawl failed unexpectedly", e);
        }
    }
}
