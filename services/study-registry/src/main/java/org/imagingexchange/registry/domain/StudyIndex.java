package org.imagingexchange.registry.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the registry's persistent index of studies, series, instances, patients and sources (eHN data
 * set B). Matching and ordering run in the database; nothing here loads the index into memory.
 * Implemented by the persistence layer; thread-safe; every method runs in its own transaction unless
 * the caller has one.
 */
public interface StudyIndex {

    /**
     * Study-level matching (PS3.4 C.2.2.2 as QIDO-RS uses it, PS3.18 §8.3.4): every key of the query,
     * newest study date first (undated last), then by Study Instance UID. Consent is not applied here.
     *
     * @param query  the parsed query (its paging is ignored: the caller pages after consent)
     * @param scope  the consent pre-filter ({@link SearchScope#ALL} for none)
     * @param offset rows of the matching set to skip, &gt;= 0
     * @param limit  most rows to return, &gt;= 1
     * @return the matching studies of that window; fewer than {@code limit} only at the end
     */
    List<Study> find(StudyQuery query, SearchScope scope, int offset, int limit);

    /**
     * Series-level matching across studies (PS3.18 §10.6.1, {@code /series}): study keys and series keys,
     * in study order, then series number. Consent is not applied here.
     *
     * @param query  the parsed query
     * @param scope  the consent pre-filter of their studies
     * @param offset rows to skip, &gt;= 0
     * @param limit  most rows, &gt;= 1
     * @return matching series with their studies
     */
    List<Located<Series>> findSeries(CrossStudyQuery query, SearchScope scope, int offset, int limit);

    /**
     * Instance-level matching across studies ({@code /instances}, {@code /studies/{study}/instances}): study,
     * series and instance keys, in study order, then series and instance number. Consent is not applied here.
     *
     * @param query  the parsed query (its instance part not null)
     * @param scope  the consent pre-filter of their studies
     * @param offset rows to skip, &gt;= 0
     * @param limit  most rows, &gt;= 1
     * @return matching instances with their series and studies
     */
    List<Located<SeriesInstance>> findInstances(CrossStudyQuery query, SearchScope scope, int offset, int limit);

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
     * @return the retrieval endpoints of every source holding the study (eHN B.1.4.6), first source
     *         first; empty when unknown
     */
    List<Endpoint> endpoints(String studyInstanceUid);

    /**
     * Records (or updates) a source's endpoint, organisation, AE title and default issuer.
     *
     * @param source the source
     */
    void registerSource(SourceArchive source);

    /**
     * @param sourceId          source id
     * @param studyInstanceUids studies of one page
     * @return the fingerprint the index holds for each of them at that source (absent: not known there)
     */
    Map<String, String> fingerprints(String sourceId, Collection<String> studyInstanceUids);

    /**
     * Applies one crawl page in one transaction: upserts the changed studies (one record per Study
     * Instance UID whatever the channel; the patient linked by any of its identifiers; series and
     * instances replaced), stamps the unchanged ones with the crawl generation, and saves the
     * checkpoint. On failure nothing of the page changes.
     *
     * @param batch the page
     */
    void applyBatch(IndexBatch batch);

    /**
     * Registers one instance a source sent by C-STORE (its header only): the study is created or updated
     * (one record per Study Instance UID, the patient linked by its identifiers), the series and instance
     * are upserted (an instance stored again replaces itself), and the study's counts, modalities and SOP
     * classes are derived again from what the index holds. One transaction.
     *
     * @param source   the sending source (its organisation becomes custodian of a new study)
     * @param header   study level of the instance (counts ignored)
     * @param series   series level of the instance
     * @param instance the instance
     * @return true when the instance was new to the index, false when it replaced one
     */
    boolean registerInstance(SourceArchive source, Study header, Series series, Instance instance);

    /**
     * Registers a study a hospital system announced for one of its archives (MADO manifest or FHIR
     * ImagingStudy) and merges it with what the index holds: one record per Study Instance UID; study
     * attributes the manifest gives replace the held ones, those it lacks stay; the series and instances
     * it lists are added or updated, none is removed; counts, modalities, SOP classes and body parts are
     * derived again from everything held; the source is recorded as holding the study. One transaction
     * (the caller's when it has one).
     *
     * @param source   the archive the study is registered at (its organisation becomes custodian of a new study)
     * @param manifest the study with the series and instances listed
     * @return true when the study was new to the index
     */
    boolean registerStudy(SourceArchive source, StudyManifest manifest);

    /**
     * Ends a complete crawl: the source no longer holds what it did not list in this generation; a study
     * no source holds any more leaves the index with its series and instances.
     *
     * @param sourceId   source id
     * @param generation the finished crawl's generation
     * @return number of studies withdrawn from this source
     */
    int withdrawUnseen(String sourceId, long generation);

    /** @return sizes of the whole index */
    IndexCounts counts();

    /**
     * @param sourceId source id
     * @return sizes of what this source holds
     */
    IndexCounts counts(String sourceId);
}
