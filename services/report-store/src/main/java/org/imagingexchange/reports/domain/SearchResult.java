package org.imagingexchange.reports.domain;

import java.util.List;

/**
 * One page of a consent-filtered report search.
 *
 * @param total  number of matches the requester may see (counted AFTER consent filtering)
 * @param offset index of the first report of this page in the permitted matches
 * @param page   the reports of this page
 */
public record SearchResult(int total, int offset, List<StoredReport> page) {
}
