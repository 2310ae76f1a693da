package org.imagingexchange.registry.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Port: one hospital archive (PACS) the registry learns studies from, reached by QIDO-RS (PS3.18 §10.6)
 * or by C-FIND. A crawl reads it page by page, so no implementation ever holds a whole archive.
 * Thread-safe: a crawl may read several studies' contents at once.
 */
public interface SourceArchive {

    /** @return configured source id, e.g. {@code hospital-a} */
    String id();

    /** @return custodian organisation of the studies found there (eHN B.1.3) */
    String organizationId();

    /** @return WADO-RS base URL the studies can be retrieved from (eHN B.1.4.6), or for a DIMSE-only archive its
     *          DICOM address {@code dicom://AE@host:port} (retrieved by C-GET); the platform's own retrieval proxy
     *          reaches it, clients never see it */
    String wadoRsBaseUrl();

    /** @return the archive's DICOM AE title; empty when not configured */
    String aeTitle();

    /** @return Issuer of Patient ID (0010,0021) for Patient IDs the archive sends without one; empty for none */
    String defaultIssuer();

    /**
     * One page of the archive's studies, in the archive's own stable order.
     *
     * @param offset number of studies to skip, &gt;= 0
     * @param limit  page size, &gt;= 1
     * @return study-level attributes with the counts the archive reports; fewer than {@code limit}
     *         entries only on the last page
     * @throws SourceArchiveUnavailableException (503) when the archive cannot be reached
     * @throws SourceArchiveResponseException    (502) on refused credentials, other errors or bad DICOM JSON
     */
    List<Study> studies(int offset, int limit);

    /**
     * @param studyInstanceUid the study
     * @return its series, each with its instances (counts not yet derived); empty when the study is gone
     * @throws SourceArchiveUnavailableException (503) when the archive cannot be reached
     * @throws SourceArchiveResponseException    (502) on an unusable answer
     */
    List<StudyManifest.SeriesManifest> contents(String studyInstanceUid);

    /**
     * The contents of several studies, in as few reads as the archive allows (this default reads them one
     * by one). Callers keep the list short (a few dozen studies, about a thousand instances), so the
     * answer stays small.
     *
     * @param studyInstanceUids the studies, distinct
     * @return for each requested study its series with their instances (empty when the study is gone), in
     *         request order
     * @throws SourceArchiveUnavailableException (503) when the archive cannot be reached
     * @throws SourceArchiveResponseException    (502) on an unusable answer
     */
    default Map<String, List<StudyManifest.SeriesManifest>> contents(List<String> studyInstanceUids) {
        Map<String, List<StudyManifest.SeriesManifest>> out = new LinkedHashMap<>();
        studyInstanceUids.forEach(uid -> out.put(uid, contents(uid)));
        return out;
    }
}
