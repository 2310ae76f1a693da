package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Set;

/**
 * A series-level QIDO-RS query within one study (PS3.18 §10.6.1.2, Table 10.6.1-6).
 *
 * @param modalities         Modality key values; empty when absent
 * @param seriesInstanceUids SeriesInstanceUID list; empty when absent
 * @param fields             includefield selection
 * @param paging             offset and limit
 */
public record SeriesQuery(List<String> modalities, Set<String> seriesInstanceUids, FieldSelection fields,
                          Paging paging) {

    /** Compact constructor: copies collections. */
    public SeriesQuery {
        modalities = List.copyOf(modalities);
        seriesInstanceUids = Set.copyOf(seriesInstanceUids);
    }

    /** @return true when the series satisfies every key */
    public boolean matches(Series series) {
        return AttributeMatching.matchesUidList(seriesInstanceUids, series.seriesInstanceUid())
                && AttributeMatching.matchesAny(modalities,
                series.modality() == null ? List.of() : List.of(series.modality()));
    }
}
