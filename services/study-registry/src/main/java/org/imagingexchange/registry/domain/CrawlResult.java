package org.imagingexchange.registry.domain;

import java.time.Instant;

/**
 * Outcome of crawling one source archive.
 *
 * @param source     source id
 * @param studies    studies indexed from the source (0 when the crawl failed)
 * @param series     series indexed
 * @param instances  instances indexed
 * @param durationMs wall-clock duration of the crawl, milliseconds
 * @param finishedAt when the crawl ended (UTC)
 * @param succeeded  true when the index now mirrors the source; false when the source failed and the
 *                   index kept what it had
 * @param detail     failure description; empty on success
 */
public record CrawlResult(String source, int studies, int series, int instances, long durationMs,
                          Instant finishedAt, boolean succeeded, String detail) {
}
