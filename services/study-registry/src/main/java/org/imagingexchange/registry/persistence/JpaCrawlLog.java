package org.imagingexchange.registry.persistence;

import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.imagingexchange.registry.domain.CrawlLog;
import org.imagingexchange.registry.domain.CrawlResult;

/**
 * {@link CrawlLog} in table {@code crawl_run}; also observes every crawl in the histogram
 * {@code registry_crawl_duration_seconds{source,outcome}} (seconds). Thread-safe.
 */
@ApplicationScoped
@Transactional
public class JpaCrawlLog implements CrawlLog {

    private static final Histogram CRAWL_DURATION = Histogram.builder()
            .name("registry_crawl_duration_seconds")
            .help("Duration of crawls of source archives, by source and outcome (ok, failed)")
            .labelNames("source", "outcome")
            .classicUpperBounds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)
            .register();

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public void record(CrawlResult result) {
        CRAWL_DURATION.labelValues(result.source(), result.succeeded() ? "ok" : "failed")
                .observe(result.durationMs() / 1000.0);
        CrawlRunEntity row = em.find(CrawlRunEntity.class, result.source());
        boolean created = row == null;
        row = created ? new CrawlRunEntity() : row;
        row.apply(result);
        if (created) {
            em.persist(row);
        }
    }

    @Override
    public Optional<CrawlResult> last(String sourceId) {
        return Optional.ofNullable(em.find(CrawlRunEntity.class, sourceId)).map(CrawlRunEntity::toDomain);
    }
}
