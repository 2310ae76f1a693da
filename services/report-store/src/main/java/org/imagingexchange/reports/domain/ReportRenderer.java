package org.imagingexchange.reports.domain;

import java.time.Instant;

/**
 * Turns the submitted report into the JSON stored for it, once the store has assigned id, version and
 * time (FHIR {@code id}, {@code meta.versionId}, {@code meta.lastUpdated}). Supplied by the API layer,
 * which owns the FHIR representation.
 */
@FunctionalInterface
public interface ReportRenderer {

    /**
     * @param id          server-assigned id
     * @param versionId   version (1 for a create)
     * @param lastUpdated storage time
     * @return the FHIR JSON of the resource as stored
     */
    String render(String id, int versionId, Instant lastUpdated);
}
