package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.imagingexchange.registry.domain.CrawlCheckpoint;

/** Row of {@code crawl_state}: the running (or last) crawl generation of one source and its checkpoint. */
@Entity
@Table(name = "crawl_state")
public class CrawlStateEntity {

    @Id
    @Column(name = "source_id")
    String sourceId;
    @Column(name = "generation")
    long generation;
    @Column(name = "running")
    boolean running;
    @Column(name = "next_offset")
    int nextOffset;
    @Column(name = "studies_seen")
    int studiesSeen;
    @Column(name = "added")
    int added;
    @Column(name = "updated")
    int updated;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    void apply(CrawlCheckpoint c, Instant now) {
        sourceId = c.sourceId();
        generation = c.generation();
        nextOffset = c.nextOffset();
        studiesSeen = c.studiesSeen();
        added = c.added();
        updated = c.updated();
        startedAt = c.startedAt();
        updatedAt = now;
    }

    CrawlCheckpoint toDomain() {
        return new CrawlCheckpoint(sourceId, generation, nextOffset, studiesSeen, added, updated, startedAt);
    }
}
