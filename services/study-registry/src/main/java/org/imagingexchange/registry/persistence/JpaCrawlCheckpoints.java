package org.imagingexchange.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.registry.domain.CrawlCheckpoint;
import org.imagingexchange.registry.domain.CrawlCheckpoints;

/** {@link CrawlCheckpoints} in table {@code crawl_state}. Thread-safe. */
@ApplicationScoped
@Transactional
public class JpaCrawlCheckpoints implements CrawlCheckpoints {

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<CrawlCheckpoint> running(String sourceId) {
        return Optional.ofNullable(em.find(CrawlStateEntity.class, sourceId)).filter(s -> s.running)
                .map(CrawlStateEntity::toDomain);
    }

    @Override
    public List<String> unfinished() {
        return em.createQuery("select s.sourceId from CrawlStateEntity s where s.running = true order by s.sourceId",
                String.class).getResultList();
    }

    @Override
    public CrawlCheckpoint begin(String sourceId, Instant now) {
        CrawlStateEntity row = em.find(CrawlStateEntity.class, sourceId);
        boolean created = row == null;
        long generation = created ? 1 : row.generation + 1;
        row = created ? new CrawlStateEntity() : row;
        CrawlCheckpoint cp = new CrawlCheckpoint(sourceId, generation, 0, 0, 0, 0, now);
        row.apply(cp, now);
        row.running = true;
        if (created) {
            em.persist(row);
        }
        return cp;
    }

    @Override
    public void finish(String sourceId) {
        CrawlStateEntity row = em.find(CrawlStateEntity.class, sourceId);
        if (row != null) {
            row.running = false;
            row.updatedAt = Instant.now();
        }
    }

    /**
     * Saves a page's checkpoint (called inside the page's transaction).
     *
     * @param checkpoint the crawl's state after the page
     * @param now        timestamp
     */
    void save(CrawlCheckpoint checkpoint, Instant now) {
        CrawlStateEntity row = em.find(CrawlStateEntity.class, checkpoint.sourceId());
        boolean created = row == null;
        row = created ? new CrawlStateEntity() : row;
        row.apply(checkpoint, now);
        row.running = true;
        if (created) {
            em.persist(row);
        }
    }
}
