package org.imagingexchange.registry.domain;

import java.util.List;

/**
 * One page of results, computed after consent filtering so that it never reveals refused studies.
 *
 * @param items     the page
 * @param more      true when permitted matches exist after this page
 * @param truncated true when the search stopped at the registry's scan limit before it knew whether more
 *                  permitted matches exist (the client should narrow the query)
 * @param <T>       element type
 */
public record SearchResult<T>(List<T> items, boolean more, boolean truncated) {

    /** Compact constructor: copies the list. */
    public SearchResult {
        items = List.copyOf(items);
    }

    /**
     * @param all    every match, in result order
     * @param paging offset and limit
     * @param <T>    element type
     * @return the page {@code paging} selects from a complete in-memory list (series, instances of one study)
     */
    public static <T> SearchResult<T> page(List<T> all, Paging paging) {
        return new SearchResult<>(paging.apply(all), all.size() > paging.offset() + paging.limit(), false);
    }
}
