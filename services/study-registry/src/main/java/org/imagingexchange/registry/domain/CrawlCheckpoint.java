package org.imagingexchange.registry.domain;

import java.time.Instant;

/**
 * Where a crawl of one source stands: its generation (every study seen in this crawl is stamped with
 * it; what the source no longer lists keeps an older one and is withdrawn at the end), the offset of the
 * next page, and what it has counted so far. Saved with every page, so a crawl resumes after a crash or
 * restart from the last committed page.
 *
 * @param sourceId     source id
 * @param generation   crawl generation, increasing per source
 * @param nextOffset   offset of the next page in the source's study list
 * @param studiesSeen  studies listed by the source so far
 * @param added        studies new to this source so far
 * @param updated      studies whose content changed so far
 * @param startedAt    when this crawl began (UTC)
 */
public record CrawlCheckpoint(String sourceId, long generation, int nextOffset, int studiesSeen, int added,
                              int updated, Instant startedAt) {

    /**
     * @param listed  studies on the page just committed
     * @param added   of which new to this source
     * @param updated of which changed
     * @return the checkpoint after that page
     */
    public CrawlCheckpoint advance(int listed, int added, int updated) {
        return new CrawlCheckpoint(sourceId, generation, nextOffset + listed, studiesSeen + listed,
                this.added + added, this.updated + updated, startedAt);
    }
}
