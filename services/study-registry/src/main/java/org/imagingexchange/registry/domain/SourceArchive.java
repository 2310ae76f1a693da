package org.imagingexchange.registry.domain;

import java.util.List;

/**
 * Port: one hospital archive (PACS) the registry learns studies from, reached by QIDO-RS (PS3.18 §10.6)
 * or another protocol. Implementations page through large result sets themselves. Thread-safe.
 */
public interface SourceArchive {

    /** @return configured source id, e.g. {@code hospital-a} */
    String id();

    /** @return custodian organisation of the studies found there (eHN B.1.3) */
    String organizationId();

    /** @return WADO-RS base URL the studies can be retrieved from (eHN B.1.4.6) */
    String wadoRsBaseUrl();

    /** @return the archive's DICOM AE title; empty when not configured */
    String aeTitle();

    /**
     * @return every study the archive holds (study-level attributes only; counts are re-derived)
     * @throws SourceArchiveUnavailableException (503) when the archive cannot be reached
     * @throws SourceArchiveResponseException    (502) on refused credentials, other errors or bad DICOM JSON
     */
    List<Study> studies();

    /**
     * @param studyInstanceUid the study
     * @return its series
     * @throws SourceArchiveUnavailableException (503) when the archive cannot be reached
     * @throws SourceArchiveResponseException    (502) on an unusable answer
     */
    List<Series> series(String studyInstanceUid);

    /**
     * @param studyInstanceUid  the study
     * @param seriesInstanceUid the series
     * @return its instances
     * @throws SourceArchiveUnavailableException (503) when the archive cannot be reached
     * @throws SourceArchiveResponseException    (502) on an unusable answer
     */
    List<Instance> instances(String studyInstanceUid, String seriesInstanceUid);
}
