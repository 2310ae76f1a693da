package org.imagingexchange.registry.domain;

import java.util.Objects;

/**
 * A series or instance found by a search across studies, with the study it belongs to (whose patient and
 * custodian decide whether the requester may see it).
 *
 * @param study the study; not null
 * @param item  the series ({@link Series}) or instance ({@link SeriesInstance}); not null
 * @param <T>   the level
 */
public record Located<T>(Study study, T item) {

    /** Compact constructor: both required. */
    public Located {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(item, "item");
    }
}
