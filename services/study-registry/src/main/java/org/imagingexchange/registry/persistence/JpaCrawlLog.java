package org.imagingexchange.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.imagingexchange.registry.domain.CrawlLog;
import org.imagingexchange.registry.domain.CrawlResult;

/** {@link CrawlLog} in table {@code crawl_run}. Thread-safe. */
@ApplicationScoped
@Transactional
public class JpaCrawlLog implements CrawlLog {

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public void record(CrawlResult result) {
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
