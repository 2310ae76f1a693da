package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers QIDO-RS and FHIR searches from the index: apply the query, filter by consent, THEN page, so
 * totals and pages never reveal refused studies; a study the requester may not see is "not found" at
 * series and instance level. Thread-safe when its ports are.
 */
public final class StudySearch {

    private final StudyIndex index;
    private final ConsentGate consent;

    /**
     * @param index   the study index
     * @param consent the consent gate
     */
    public StudySearch(StudyIndex index, ConsentGate consent) {
        this.index = index;
        this.consent = consent;
    }

    /**
     * Study-level search (PS3.18 §10.6.1).
     *
     * @param query     the parsed query
     * @param requester who asks
     * @return the page and the permitted total
     */
    public SearchResult<Study> studies(StudyQuery query, Requester requester) {
        List<Study> matched = index.candidates(CandidateFilter.of(query)).stream()
                .filter(s -> StudyMatcher.matches(query, s))
                .toList();
        List<Study> permitted = consent.permitted(matched, requester);
        return new SearchResult<>(query.paging().apply(permitted), permitted.size());
    }

    /**
     * @param studyInstanceUid  the study
     * @param requester who asks
     * @return the study when indexed and permitted
     * @throws StudyNotFoundException (404) when unknown or not permitted (indistinguishable on purpose)
     */
    public Study visibleStudy(String studyInstanceUid, Requester requester) {
        return index.study(studyInstanceUid)
                .filter(s -> consent.permits(s, requester))
                .orElseThrow(() -> new StudyNotFoundException("study " + studyInstanceUid));
    }

    /**
     * Series-level search within a study (PS3.18 §10.6.1, /studies/{study}/series).
     *
     * @param studyInstanceUid the study
     * @param query            the parsed query
     * @param requester        who asks
     * @return the study and the page of its matching series
     * @throws StudyNotFoundException (404) when the study is unknown or not permitted
     */
    public InStudy<Series> series(String studyInstanceUid, SeriesQuery query, Requester requester) {
        Study study = visibleStudy(studyInstanceUid, requester);
        List<Series> matched = index.series(studyInstanceUid).stream().filter(query::matches).toList();
        return new InStudy<>(study, new SearchResult<>(query.paging().apply(matched), matched.size()));
    }

    /**
     * Instance-level search within a series (PS3.18 §10.6.1, /studies/{study}/series/{series}/instances).
     *
     * @param studyInstanceUid  the study
     * @param seriesInstanceUid the series
     * @param query             the parsed query
     * @param requester         who asks
     * @return the study and the page of the series' matching instances
     * @throws StudyNotFoundException (404) when the study is unknown or not permitted, or the series is not in it
     */
    public InStudy<Instance> instances(String studyInstanceUid, String seriesInstanceUid, InstanceQuery query,
                                       Requester requester) {
        Study study = visibleStudy(studyInstanceUid, requester);
        List<Instance> matched = index.instances(studyInstanceUid, seriesInstanceUid)
                .orElseThrow(() -> new StudyNotFoundException("series " + seriesInstanceUid + " in study " + studyInstanceUid))
                .stream().filter(query::matches).toList();
        return new InStudy<>(study, new SearchResult<>(query.paging().apply(matched), matched.size()));
    }

    /**
     * All permitted studies of one patient with their series and instances (FHIR ImagingStudy search).
     *
     * @param patientId Patient ID (exact)
     * @param issuer    Issuer of Patient ID; null or empty for any issuer
     * @param requester who asks
     * @return manifests with their endpoints, study date descending
     */
    public List<LocatedManifest> manifestsOfPatient(String patientId, String issuer, Requester requester) {
        List<Study> candidates = index.candidates(CandidateFilter.of(StudyQuery.forPatient(patientId))).stream()
                .filter(s -> s.patientId().equals(patientId))
                .filter(s -> issuer == null || issuer.isEmpty() || issuer.equals(s.issuerOfPatientId()))
                .toList();
        List<LocatedManifest> out = new ArrayList<>();
        for (Study s : consent.permitted(candidates, requester)) {
            List<StudyManifest.SeriesManifest> series = index.series(s.studyInstanceUid()).stream()
                    .map(se -> new StudyManifest.SeriesManifest(se,
                            index.instances(s.studyInstanceUid(), se.seriesInstanceUid()).orElse(List.of())))
                    .toList();
            out.add(new LocatedManifest(new StudyManifest(s, series), index.endpoints(s.studyInstanceUid())));
        }
        return out;
    }

    /**
     * Where a study lives (for the retrieval proxy; no consent check here, the caller checks it).
     *
     * @param studyInstanceUid the study
     * @return patient, custodian and endpoints
     * @throws StudyNotFoundException (404) when the study is not indexed
     */
    public StudyLocation location(String studyInstanceUid) {
        Study s = index.study(studyInstanceUid)
                .orElseThrow(() -> new StudyNotFoundException("study " + studyInstanceUid));
        return new StudyLocation(s.studyInstanceUid(), s.patientId(), s.issuerOfPatientId(),
                s.custodianOrganizationId(), index.endpoints(studyInstanceUid));
    }

    /**
     * Results inside one (permitted) study.
     *
     * @param study  the study
     * @param result the page of results
     * @param <T>    series or instance
     */
    public record InStudy<T>(Study study, SearchResult<T> result) {
    }

    /**
     * A manifest with where it can be retrieved (IHE MADO: ImagingStudy plus Endpoint).
     *
     * @param manifest  the study with series and instances
     * @param endpoints WADO-RS endpoints
     */
    public record LocatedManifest(StudyManifest manifest, List<Endpoint> endpoints) {
    }
}
