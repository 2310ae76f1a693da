package org.imagingexchange.registry.domain;

/**
 * A QIDO-RS search below study level across studies ({@code /series}, {@code /instances},
 * {@code /studies/{study}/instances}; PS3.18 §10.6.1.2): study-level keys, series-level keys and, for
 * instances, instance-level keys, all of which must match.
 *
 * @param study    study-level keys; its paging is the request's
 * @param series   series-level keys
 * @param instance instance-level keys; null for a series-level search
 */
public record CrossStudyQuery(StudyQuery study, SeriesQuery series, InstanceQuery instance) {

    /** @return the request's offset and limit */
    public Paging paging() {
        return study.paging();
    }
}
