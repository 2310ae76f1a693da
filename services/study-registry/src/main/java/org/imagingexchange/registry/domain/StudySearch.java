package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers QIDO-RS and FHIR searches from the index: the database matches and orders (in an opt-in
 * region only the requester's own studies and those of patients with a possible permit, see
 * {@link ConsentPrefilter}), consent filters, THEN the page is cut, so pages never reveal refused studies. The index is read in growing windows
 * until the page is full (the custodian's own studies need no consent call), and at most
 * {@code scanLimit} rows per search, after which the answer says it was truncated. A study the
 * requester may not see is "not found" at series and instance level. Thread-safe when its ports are.
 */
public final class StudySearch {

    private static final int FIRST_WINDOW = 100;
    private static final int MAX_WINDOW = 5000;

    private final StudyIndex index;
    private final ConsentGate consent;
    private final ConsentPrefilter prefilter;
    private final int scanLimit;

    /**
     * @param index     the study index
     * @param consent   the consent gate
     * @param prefilter the database-side consent pre-filter ({@link ConsentPrefilter#NONE} for none)
     * @param scanLimit most index rows one search examines, &gt;= 1
     */
    public StudySearch(StudyIndex index, ConsentGate consent, ConsentPrefilter prefilter, int scanLimit) {
        this.index = index;
        this.consent = consent;
        this.prefilter = prefilter;
        this.scanLimit = scanLimit;
    }

    /**
     * Study-level search (PS3.18 §10.6.1).
     *
     * @param query     the parsed query
     * @param requester who asks
     * @return the permitted page
     * @throws ConsentUnavailableException (503) when consent could not be decided for a candidate
     */
    public SearchResult<Study> studies(StudyQuery query, Requester requester) {
        SearchScope scope = prefilter.scopeFor(requester);
        return permittedPage((offset, size) -> index.find(query, scope, offset, size), s -> s, query.paging(), requester,
                scope);
    }

    /**
     * Series-level search across studies (PS3.18 §10.6.1, {@code /series}), consent-filtered by study.
     *
     * @param query     study and series keys
     * @param requester who asks
     * @return the permitted page
     * @throws ConsentUnavailableException (503) when consent could not be decided for a candidate
     */
    public SearchResult<Located<Series>> series(CrossStudyQuery query, Requester requester) {
        SearchScope scope = prefilter.scopeFor(requester);
        return permittedPage((offset, size) -> index.findSeries(query, scope, offset, size), Located::study,
                query.paging(), requester, scope);
    }

    /**
     * Instance-level search across studies ({@code /instances}, {@code /studies/{study}/instances}).
     *
     * @param query     study, series and instance keys
     * @param requester who asks
     * @return the permitted page
     * @throws ConsentUnavailableException (503) when consent could not be decided for a candidate
     */
    public SearchResult<Located<SeriesInstance>> instances(CrossStudyQuery query, Requester requester) {
        SearchScope scope = prefilter.scopeFor(requester);
        return permittedPage((offset, size) -> index.findInstances(query, scope, offset, size), Located::study,
                query.paging(), requester, scope);
    }

    /** One window of index rows: offset and size in, rows out. */
    private interface Window<T> {
        List<T> read(int offset, int size);
    }

    /**
     * Reads the index in growing windows, keeps what consent permits, and cuts the requested page; stops
     * when the page (plus one, to know whether more exist) is full, the index is exhausted, or
     * {@code scanLimit} rows were read. A pre-filtered read starts with just the page (plus one): its rows
     * are mostly permitted.
     */
    private <T> SearchResult<T> permittedPage(Window<T> window, java.util.function.Function<T, Study> studyOf,
                                              Paging paging, Requester requester, SearchScope scope) {
        long wanted = (long) paging.offset() + paging.limit();
        List<T> permitted = new ArrayList<>();
        Map<ConsentGate.PatientAtCustodian, Boolean> decided = new HashMap<>();
        int scanned = 0;
        int size = (int) Math.max(scope.restricted() ? 1 : FIRST_WINDOW, Math.min(MAX_WINDOW, wanted + 1));
        boolean exhausted = false;
        while (permitted.size() <= wanted && scanned < scanLimit) {
            int n = Math.min(size, scanLimit - scanned);
            List<T> rows = window.read(scanned, n);
            scanned += rows.size();
            java.util.Set<String> allowed = new java.util.HashSet<>();
            consent.permitted(rows.stream().map(studyOf).distinct().toList(), requester, decided)
                    .forEach(s -> allowed.add(s.studyInstanceUid()));
            rows.stream().filter(r -> allowed.contains(studyOf.apply(r).studyInstanceUid())).forEach(permitted::add);
            if (rows.size() < n) {
                exhausted = true;
                break;
            }
            size = Math.min(MAX_WINDOW, size * 4);
        }
        List<T> page = permitted.size() <= paging.offset() ? List.of()
                : permitted.subList(paging.offset(), (int) Math.min(permitted.size(), wanted));
        boolean more = permitted.size() > wanted;
        return new SearchResult<>(page, more, !more && !exhausted);
    }

    /**
     * @param studyInstanceUid  the study
     * @param requester who asks
     * @return the study when indexed and permitted
     * @throws StudyNotFoundException (404) when unknown or not permitted (indistinguishable on purpose)
     * @throws ConsentUnavailableException (503) when consent could not be decided
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
        return new InStudy<>(study, SearchResult.page(matched, query.paging()));
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
        return new InStudy<>(study, SearchResult.page(matched, query.paging()));
    }

    /**
     * The permitted studies of one patient, found by any of the patient's identifiers, with their series,
     * instances and endpoints (FHIR ImagingStudy search, MADO).
     *
     * @param identifier one identifier of the patient (an empty issuer matches any issuer)
     * @param paging     offset and count, applied after consent
     * @param requester  who asks
     * @return manifests with their endpoints, newest first, and whether more exist
     * @throws ConsentUnavailableException (503) when consent could not be decided
     */
    public SearchResult<LocatedManifest> manifestsOfPatient(PatientIdentifier identifier, Paging paging,
                                                            Requester requester) {
        return manifests(StudyQuery.forPatient(identifier, paging), requester);
    }

    /**
     * The permitted studies matching a query, with series, instances and endpoints (FHIR ImagingStudy search).
     *
     * @param query     the query (its paging applies after consent)
     * @param requester who asks
     * @return manifests with their endpoints, newest first, and whether more exist
     * @throws ConsentUnavailableException (503) when consent could not be decided
     */
    public SearchResult<LocatedManifest> manifests(StudyQuery query, Requester requester) {
        SearchResult<Study> studies = studies(query, requester);
        List<LocatedManifest> out = new ArrayList<>();
        for (Study s : studies.items()) {
            out.add(located(s));
        }
        return new SearchResult<>(out, studies.more(), studies.truncated());
    }

    /**
     * @param studyInstanceUid the study
     * @param requester        who asks
     * @return the study's manifest with its endpoints (IHE MADO)
     * @throws StudyNotFoundException (404) when unknown or not permitted
     */
    public LocatedManifest manifest(String studyInstanceUid, Requester requester) {
        return located(visibleStudy(studyInstanceUid, requester));
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

    private LocatedManifest located(Study s) {
        List<StudyManifest.SeriesManifest> series = index.series(s.studyInstanceUid()).stream()
                .map(se -> new StudyManifest.SeriesManifest(se,
                        index.instances(s.studyInstanceUid(), se.seriesInstanceUid()).orElse(List.of())))
                .toList();
        return new LocatedManifest(new StudyManifest(s, series), index.endpoints(s.studyInstanceUid()));
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
     * @param endpoints retrieval endpoints
     */
    public record LocatedManifest(StudyManifest manifest, List<Endpoint> endpoints) {
    }
}
