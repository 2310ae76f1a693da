package org.imagingexchange.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the crawl state per source (a page's checkpoint is written by
 * {@link StudyIndex#applyBatch(IndexBatch)} in the same transaction as the page). Thread-safe.
 */
public interface CrawlCheckpoints {

    /**
     * @param sourceId source id
     * @return the crawl of this source that began and did not finish (to resume); empty when none
     */
    Optional<CrawlCheckpoint> running(String sourceId);

    /** @return ids of the sources whose crawl began and did not finish */
    List<String> unfinished();

    /**
     * Begins a crawl: the next generation for this source, offset 0.
     *
     * @param sourceId source id
     * @param now      start time
     * @return the new checkpoint, already saved
     */
    CrawlCheckpoint begin(String sourceId, Instant now);

    /** @param sourceId source id whose crawl finished successfully (a failed crawl stays to be resumed) */
    void finish(String sourceId);
}
