package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double of the {@link StudyIndex} port, for unit tests of the domain services. */
class InMemoryStudyIndex implements StudyIndex {

    final Map<String, StudyManifest> manifests = new LinkedHashMap<>();
    final Map<String, String> endpointBySource = new LinkedHashMap<>();
    int candidateCalls;

    void add(StudyManifest m) {
        manifests.put(m.study().studyInstanceUid(), m);
    }

    @Override
    public List<Study> candidates(CandidateFilter f) {
        candidateCalls++;
        return manifests.values().stream().map(StudyManifest::study)
                .filter(s -> f.patientId() == null || f.patientId().equals(s.patientId()))
                .sorted(Comparator.comparing(Study::studyDate, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Study::studyInstanceUid))
                .toList();
    }

    @Override
    public Optional<Study> study(String uid) {
        return Optional.ofNullable(manifests.get(uid)).map(StudyManifest::study);
    }

    @Override
    public List<Series> series(String uid) {
        StudyManifest m = manifests.get(uid);
        return m == null ? List.of() : m.series().stream().map(StudyManifest.SeriesManifest::series).toList();
    }

    @Override
    public Optional<List<Instance>> instances(String studyUid, String seriesUid) {
        StudyManifest m = manifests.get(studyUid);
        return m == null ? Optional.empty() : m.series().stream()
                .filter(s -> s.series().seriesInstanceUid().equals(seriesUid))
                .findFirst().map(StudyManifest.SeriesManifest::instances);
    }

    @Override
    public List<Endpoint> endpoints(String uid) {
        StudyManifest m = manifests.get(uid);
        return m == null ? List.of() : List.of(new Endpoint(m.study().sourceId(), endpointBySource.get(m.study().sourceId())));
    }

    @Override
    public IndexCounts synchronize(SourceArchive source, List<StudyManifest> list) {
        manifests.values().removeIf(m -> m.study().sourceId().equals(source.id()));
        list.forEach(this::add);
        endpointBySource.put(source.id(), source.wadoRsBaseUrl());
        List<StudyManifest> own = new ArrayList<>(list);
        return new IndexCounts(own.size(), own.stream().mapToLong(m -> m.series().size()).sum(),
                own.stream().mapToLong(m -> m.study().numberOfInstances()).sum());
    }

    @Override
    public IndexCounts counts() {
        return new IndexCounts(manifests.size(), 0, 0);
    }
}
