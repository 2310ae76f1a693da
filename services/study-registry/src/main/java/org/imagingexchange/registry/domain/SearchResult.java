package org.imagingexchange.registry.domain;

import java.util.List;

/**
 * One page of results and the number of results the requester may see in total. Both are computed
 * after consent filtering, so neither reveals refused studies.
 *
 * @param items the page
 * @param total permitted matches before paging
 * @param <T>   element type
 */
public record SearchResult<T>(List<T> items, int total) {

    /** Compact constructor: copies the list. */
    public SearchResult {
        items = List.copyOf(items);
    }
}
