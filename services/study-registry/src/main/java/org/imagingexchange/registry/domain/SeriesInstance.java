package org.imagingexchange.registry.domain;

/**
 * An instance with the series it belongs to (instance-level QIDO-RS answers carry series attributes,
 * PS3.18 Table 10.6.3-5).
 *
 * @param series   the series (eHN B.1.4)
 * @param instance the instance (eHN B.1.4.7)
 */
public record SeriesInstance(Series series, Instance instance) {
}
