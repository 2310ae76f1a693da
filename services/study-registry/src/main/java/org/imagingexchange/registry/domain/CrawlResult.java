package org.imagingexchange.registry.domain;

import java.time.Instant;

/**
 * Outcome of crawling one source archive.
 *
 * @param source     source id
 * @param studies    studies now indexed from the source
 * @param series     series of those studies
 * @param instances  instances of those studies
 * @param added      studies new to this source in this crawl
 * @param updated    studies whose content changed
 * @param removed    studies the source no longer lists (withdrawn from this source)
 * @param durationMs wall-clock duration of the crawl (of its last run when resumed), milliseconds
 * @param finishedAt when the crawl ended (UTC)
 * @param succeeded  true when the index now mirrors the source; false when the source failed (the pages
 *                   committed before stay, and the next crawl resumes after them)
 * @param detail     failure description; empty on success
 */
public record CrawlResult(String source, long studies, long series, long instances, int added, int updated,
                          int removed, long durationMs, Instant finishedAt, boolean succeeded, String detail) {
}
