package org.imagingexchange.registry.domain;

/**
 * Sizes of (part of) the index.
 *
 * @param studies   number of studies
 * @param series    number of series
 * @param instances number of instances
 */
public record IndexCounts(long studies, long series, long instances) {
}
