package org.imagingexchange.registry.api;

import org.imagingexchange.registry.domain.CrawlResult;

/**
 * Result of crawling one source ({@code POST /registry/api/crawls}, JSON-B).
 *
 * @param source     source id
 * @param studies    studies now indexed from the source
 * @param series     series of those studies
 * @param instances  instances of those studies
 * @param added      studies new to this source in this crawl
 * @param updated    studies whose content changed
 * @param removed    studies the source no longer lists
 * @param durationMs crawl duration, milliseconds
 */
public record CrawlResponse(String source, long studies, long series, long instances, int added, int updated,
                            int removed, long durationMs) {

    /** @return the response form of a crawl result */
    static CrawlResponse of(CrawlResult r) {
        return new CrawlResponse(r.source(), r.studies(), r.series(), r.instances(), r.added(), r.updated(),
                r.removed(), r.durationMs());
    }
}
