package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: the registry's persistent index of studies, series, instances and source endpoints (eHN data
 * set B). Implemented by the persistence layer; thread-safe; every method runs in its own transaction
 * unless the caller has one.
 */
public interface StudyIndex {

    /**
     * @param filter cheap narrowing of the search
     * @return candidate studies, newest study date first, then by UID; never null
     */
    List<Study> candidates(CandidateFilter filter);

    /**
     * @param studyInstanceUid Study Instance UID
     * @return the study, empty when not indexed
     */
    Optional<Study> study(String studyInstanceUid);

    /**
     * @param studyInstanceUid Study Instance UID
     * @return the study's series ordered by series number; empty when none or unknown
     */
    List<Series> series(String studyInstanceUid);

    /**
     * @param studyInstanceUid  Study Instance UID
     * @param seriesInstanceUid Series Instance UID
     * @return the series' instances ordered by instance number; empty when the series is not in that study
     */
    Optional<List<Instance>> instances(String studyInstanceUid, String seriesInstanceUid);

    /**
     * @param studyInstanceUid Study Instance UID
     * @return the WADO-RS endpoints the study can be retrieved from (eHN B.1.4.6); empty when unknown
     */
    List<Endpoint> endpoints(String studyInstanceUid);

    /**
     * Makes the index mirror a source: upserts every manifest (by UID), removes series and instances the
     * source no longer has, and removes studies of this source that the source no longer lists. Runs in
     * one transaction: on failure nothing changes.
     *
     * @param source    the source archive (id, custodian organisation, WADO-RS base URL)
     * @param manifests everything the source holds now
     * @return the counts now indexed from this source
     */
    IndexCounts synchronize(SourceArchive source, List<StudyManifest> manifests);

    /** @return sizes of the whole index */
    IndexCounts counts();
}
