package org.imagingexchange.retrieval.api;

import jakarta.enterprise.context.RequestScoped;
import org.imagingexchange.retrieval.domain.StudyLocation;

/**
 * Request-scoped hand-over from {@link StudyConsentFilter} to the resource: the location of the study
 * consent was permitted for. Not thread-safe: one request.
 */
@RequestScoped
public class AuthorizedStudy {

    private StudyLocation location;

    /** @param location the study's location, set once consent permitted access */
    void permit(StudyLocation location) {
        this.location = location;
    }

    /**
     * @param studyInstanceUid the study the resource serves
     * @return the permitted study's location
     * @throws IllegalStateException when the filter did not permit this study (a wiring error)
     */
    StudyLocation location(String studyInstanceUid) {
        if (location == null || !location.studyInstanceUid().equals(studyInstanceUid)) {
            throw new IllegalStateException("consent was not checked for study " + studyInstanceUid);
        }
        return location;
    }
}
