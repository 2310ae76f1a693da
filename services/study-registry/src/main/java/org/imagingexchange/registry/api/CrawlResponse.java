package org.imagingexchange.registry.api;

import org.imagingexchange.registry.domain.CrawlResult;

/**
 * Result of crawling one source ({@code POST /registry/api/crawls}, JSON-B).
 *
 * @param source     source id
 * @param studies    studies now indexed from the source
 * @param series     series now indexed
 * @param instances  instances now indexed
 * @param durationMs crawl duration, milliseconds
 */
public record CrawlResponse(String source, int studies, int series, int instances, long durationMs) {

    /** @return the response form of a crawl result */
    static CrawlResponse of(CrawlResult r) {
        return new CrawlResponse(r.source(), r.studies(), r.series(), r.instances(), r.durationMs());
    }
}
