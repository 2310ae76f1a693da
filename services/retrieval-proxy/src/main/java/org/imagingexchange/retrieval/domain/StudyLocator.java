package org.imagingexchange.retrieval.domain;

/**
 * Port: asks the study registry where a study lives ({@code GET /registry/api/studies/{uid}/location}).
 * Implementations may keep answers for a short time. Thread-safe.
 */
public interface StudyLocator {

    /**
     * @param studyInstanceUid a syntactically valid Study Instance UID
     * @return the study's patient, custodian and endpoints; never null
     * @throws StudyNotFoundException       (404) when the registry does not know the study
     * @throws RegistryUnavailableException (503) when the registry cannot be reached or fails
     */
    StudyLocation locate(String studyInstanceUid);

    /**
     * Drops what is kept about a study, so the next {@link #locate} asks the registry again: called when
     * the study's sources did not have it or could not serve it (the location may be stale).
     *
     * @param studyInstanceUid the study
     */
    default void forget(String studyInstanceUid) {
    }
}
