package org.imagingexchange.registry.domain;

import java.util.Optional;

/** Port: remembers the last crawl result per source. Thread-safe. */
public interface CrawlLog {

    /** @param result the result to keep as the source's last one */
    void record(CrawlResult result);

    /**
     * @param sourceId source id
     * @return the last crawl result, empty when never crawled
     */
    Optional<CrawlResult> last(String sourceId);
}
