package org.imagingexchange.registry.domain;

/**
 * Port: where a crawl reports its progress (metrics and logs); implementations never throw.
 * Thread-safe.
 */
public interface CrawlProgress {

    /**
     * A page was committed.
     *
     * @param sourceId source id
     * @param listed   studies on the page
     * @param added    of which new to this source
     * @param updated  of which changed
     */
    void page(String sourceId, int listed, int added, int updated);

    /**
     * @param result the finished crawl (succeeded or failed)
     */
    void finished(CrawlResult result);
}
