package org.imagingexchange.registry.api;

/**
 * A configured source archive and its last crawl ({@code GET /registry/api/sources}, JSON-B).
 *
 * @param id             source id
 * @param qidoUrl        QIDO-RS base URL
 * @param wadoUrl        WADO-RS base URL (eHN B.1.4.6 endpoint)
 * @param organizationId custodian organisation
 * @param aeTitle        AE title; empty when not configured
 * @param lastCrawl      the last crawl; null when never crawled
 */
public record SourceResponse(String id, String qidoUrl, String wadoUrl, String organizationId, String aeTitle,
                             LastCrawl lastCrawl) {

    /**
     * @param finishedAt ISO-8601 instant the crawl ended
     * @param succeeded  false when the source failed and the index kept what it had
     * @param studies    studies indexed from the source
     * @param series     series indexed
     * @param instances  instances indexed
     * @param durationMs duration, milliseconds
     * @param detail     failure description; empty on success
     */
    public record LastCrawl(String finishedAt, boolean succeeded, long studies, long series, long instances,
                            long durationMs, String detail) {
    }
}
