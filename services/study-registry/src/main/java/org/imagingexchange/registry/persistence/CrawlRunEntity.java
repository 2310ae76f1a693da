package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.imagingexchange.registry.domain.CrawlResult;

/** Row of {@code crawl_run}: the last finished crawl of one source. */
@Entity
@Table(name = "crawl_run")
public class CrawlRunEntity {

    @Id
    @Column(name = "source_id")
    String sourceId;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(name = "succeeded")
    boolean succeeded;
    @Column(name = "studies")
    long studies;
    @Column(name = "series")
    long series;
    @Column(name = "instances")
    long instances;
    @Column(name = "added")
    int added;
    @Column(name = "updated")
    int updated;
    @Column(name = "removed")
    int removed;
    @Column(name = "duration_ms")
    long durationMs;
    @Column(name = "detail")
    String detail;

    void apply(CrawlResult r) {
        sourceId = r.source();
        finishedAt = r.finishedAt();
        succeeded = r.succeeded();
        studies = r.studies();
        series = r.series();
        instances = r.instances();
        added = r.added();
        updated = r.updated();
        removed = r.removed();
        durationMs = r.durationMs();
        String d = r.detail() == null ? "" : r.detail();
        detail = d.length() > 2000 ? d.substring(0, 2000) : d;
    }

    CrawlResult toDomain() {
        return new CrawlResult(sourceId, studies, series, instances, added, updated, removed, durationMs, finishedAt,
                succeeded, detail);
    }
}
