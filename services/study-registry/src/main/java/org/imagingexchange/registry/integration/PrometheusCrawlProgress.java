package org.imagingexchange.registry.integration;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.imagingexchange.registry.domain.CrawlProgress;
import org.imagingexchange.registry.domain.CrawlResult;

/**
 * {@link CrawlProgress} as Prometheus metrics and log lines:
 * {@code registry_crawl_studies_total{source,change="listed|added|updated|removed"}},
 * {@code registry_crawl_duration_seconds{source,outcome="ok|failed"}} (seconds) and
 * {@code registry_crawl_failures_total{source}}. Thread-safe.
 */
@ApplicationScoped
public class PrometheusCrawlProgress implements CrawlProgress {

    private static final Logger LOG = Logger.getLogger(PrometheusCrawlProgress.class.getName());

    private Counter studies;
    private Histogram duration;
    private Counter failures;

    /** Registers the metrics once, on the bean instance (never on its CDI proxy). */
    @PostConstruct
    void register() {
        studies = Counter.builder()
            .name("registry_crawl_studies_total")
            .help("Studies seen by crawls of source archives, by source and change (listed, added, updated, removed)")
            .labelNames("source", "change")
            .register();
        duration = Histogram.builder()
            .name("registry_crawl_duration_seconds")
            .help("Duration of crawls of source archives, by source and outcome (ok, failed)")
            .labelNames("source", "outcome")
            .classicUpperBounds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800)
            .register();
        failures = Counter.builder()
            .name("registry_crawl_failures_total")
            .help("Crawls of source archives that failed, by source")
            .labelNames("source")
            .register();
    }

    @Override
    public void page(String sourceId, int listed, int added, int updated) {
        studies.labelValues(sourceId, "listed").inc(listed);
        studies.labelValues(sourceId, "added").inc(added);
        studies.labelValues(sourceId, "updated").inc(updated);
        LOG.fine(() -> "crawl of source " + sourceId + ": page of " + listed + " studies, " + added + " added, "
                + updated + " updated");
    }

    @Override
    public void finished(CrawlResult r) {
        duration.labelValues(r.source(), r.succeeded() ? "ok" : "failed").observe(r.durationMs() / 1000.0);
        if (r.succeeded()) {
            studies.labelValues(r.source(), "removed").inc(r.removed());
        } else {
            failures.labelValues(r.source()).inc();
        }
    }
}
