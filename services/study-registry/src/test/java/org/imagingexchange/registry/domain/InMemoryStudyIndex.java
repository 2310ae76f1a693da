package org.imagingexchange.registry.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test double of the {@link StudyIndex} port for unit tests of the domain services. It matches only
 * Patient ID (exact), StudyInstanceUID lists and date ranges; the full PS3.4 matching is the database's
 * and is tested against H2 ({@code StudySearchSqlTest}) and PostgreSQL (the IT).
 */
class InMemoryStudyIndex implements StudyIndex {

    final Map<String, StudyManifest> manifests = new LinkedHashMap<>();
    final Map<String, SourceArchive> sources = new LinkedHashMap<>();
    /** study UID -> source id -> [fingerprint, generation] */
    final Map<String, Map<String, Object[]>> held = new HashMap<>();
    final List<IndexBatch> batches = new ArrayList<>();
    /** Receives each batch's checkpoint (the JPA index saves it in the batch's transaction). */
    java.util.function.Consumer<CrawlCheckpoint> checkpointSink = cp -> { };
    int findCalls;
    int rowsRead;
    /** Patient IDs with a permit directive, as the permit feed mirror would hold them. */
    final java.util.Set<String> permitCandidates = new java.util.HashSet<>();

    void add(StudyManifest m) {
        manifests.put(m.study().studyInstanceUid(), m);
    }

    @Override
    public List<Study> find(StudyQuery q, SearchScope scope, int offset, int limit) {
        findCalls++;
        List<Study> rows = manifests.values().stream().map(StudyManifest::study)
                .filter(s -> !scope.restricted() || scope.organizationId().equals(s.custodianOrganizationId())
                        || permitCandidates.contains(s.patientId()))
                .filter(s -> q.patientId() == null || s.patientIdentifiers().stream().anyMatch(i -> i.value().equals(q.patientId())
                        && (q.issuerOfPatientId() == null || q.issuerOfPatientId().equals(i.issuer()))))
                .filter(s -> q.studyInstanceUids().isEmpty() || q.studyInstanceUids().contains(s.studyInstanceUid()))
                .filter(s -> q.studyDate() == null || q.studyDate().contains(s.studyDate()))
                .sorted(Comparator.comparing(Study::studyDate, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Study::studyInstanceUid))
                .skip(offset).limit(limit).toList();
        rowsRead += rows.size();
        return rows;
    }

    @Override
    public List<Located<Series>> findSeries(CrossStudyQuery q, SearchScope scope, int offset, int limit) {
        return find(q.study(), scope, 0, Integer.MAX_VALUE).stream()
                .flatMap(s -> series(s.studyInstanceUid()).stream().filter(q.series()::matches).map(x -> new Located<>(s, x)))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public List<Located<SeriesInstance>> findInstances(CrossStudyQuery q, SearchScope scope, int offset, int limit) {
        return findSeries(q, scope, 0, Integer.MAX_VALUE).stream()
                .flatMap(l -> instances(l.study().studyInstanceUid(), l.item().seriesInstanceUid()).orElse(List.of()).stream()
                        .filter(q.instance()::matches).map(i -> new Located<>(l.study(), new SeriesInstance(l.item(), i))))
                .skip(offset).limit(limit).toList();
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
        return held.getOrDefault(uid, Map.of()).keySet().stream()
                .map(id -> new Endpoint(id, sources.get(id).wadoRsBaseUrl())).toList();
    }

    @Override
    public void registerSource(SourceArchive source) {
        sources.put(source.id(), source);
    }

    @Override
    public Map<String, String> fingerprints(String sourceId, Collection<String> uids) {
        Map<String, String> out = new HashMap<>();
        for (String uid : uids) {
            Object[] h = held.getOrDefault(uid, Map.of()).get(sourceId);
            if (h != null) {
                out.put(uid, (String) h[0]);
            }
        }
        return out;
    }

    @Override
    public void applyBatch(IndexBatch batch) {
        batches.add(batch);
        checkpointSink.accept(batch.checkpoint());
        long g = batch.checkpoint().generation();
        for (StudyManifest m : batch.changed()) {
            StudyManifest old = manifests.get(m.study().studyInstanceUid());
            String custodian = old == null ? m.study().custodianOrganizationId() : old.study().custodianOrganizationId();
            Study s = m.study();
            add(new StudyManifest(new Study(s.studyInstanceUid(), s.patientId(), s.issuerOfPatientId(), s.patientName(),
                    s.patientBirthDate(), s.patientSex(), s.studyDate(), s.studyTime(), s.accessionNumber(),
                    s.accessionNumberIssuer(), s.studyId(), s.studyDescription(), s.referringPhysicianName(),
                    s.institutionName(), s.modalitiesInStudy(), s.sopClassesInStudy(), s.bodyPartsExamined(),
                    s.otherPatientIds(), s.numberOfSeries(), s.numberOfInstances(), custodian), m.series()));
            held.computeIfAbsent(s.studyInstanceUid(), k -> new LinkedHashMap<>())
                    .put(batch.source().id(), new Object[] {batch.fingerprints().get(s.studyInstanceUid()), g});
        }
        for (String uid : batch.unchanged()) {
            held.get(uid).get(batch.source().id())[1] = g;
        }
    }

    @Override
    public boolean registerInstance(SourceArchive source, Study header, Series series, Instance instance) {
        sources.put(source.id(), source);
        StudyManifest old = manifests.get(header.studyInstanceUid());
        List<StudyManifest.SeriesManifest> contents = new ArrayList<>(old == null ? List.of() : old.series());
        boolean added = contents.stream().flatMap(s -> s.instances().stream())
                .noneMatch(i -> i.sopInstanceUid().equals(instance.sopInstanceUid()));
        contents.removeIf(s -> s.series().seriesInstanceUid().equals(series.seriesInstanceUid()));
        List<Instance> instances = new ArrayList<>(old == null ? List.of() : old.series().stream()
                .filter(s -> s.series().seriesInstanceUid().equals(series.seriesInstanceUid()))
                .flatMap(s -> s.instances().stream()).filter(i -> !i.sopInstanceUid().equals(instance.sopInstanceUid()))
                .toList());
        instances.add(instance);
        contents.add(new StudyManifest.SeriesManifest(series, instances));
        String custodian = old == null ? source.organizationId() : old.study().custodianOrganizationId();
        add(StudyManifest.of(header, contents, custodian));
        held.computeIfAbsent(header.studyInstanceUid(), k -> new LinkedHashMap<>())
                .put(source.id(), new Object[] {"c-store", 0L});
        return added;
    }

    @Override
    public boolean registerStudy(SourceArchive source, StudyManifest manifest) {
        sources.put(source.id(), source);
        String uid = manifest.study().studyInstanceUid();
        StudyManifest old = manifests.get(uid);
        Map<String, StudyManifest.SeriesManifest> contents = new LinkedHashMap<>();
        if (old != null) {
            old.series().forEach(s -> contents.put(s.series().seriesInstanceUid(), s));
        }
        for (StudyManifest.SeriesManifest listed : manifest.series()) {
            StudyManifest.SeriesManifest held = contents.get(listed.series().seriesInstanceUid());
            Map<String, Instance> instances = new LinkedHashMap<>();
            if (held != null) {
                held.instances().forEach(i -> instances.put(i.sopInstanceUid(), i));
            }
            listed.instances().forEach(i -> instances.put(i.sopInstanceUid(), i));
            contents.put(listed.series().seriesInstanceUid(),
                    new StudyManifest.SeriesManifest(listed.series(), List.copyOf(instances.values())));
        }
        Study header = old == null ? manifest.study() : manifest.study().over(old.study());
        String custodian = old == null ? source.organizationId() : old.study().custodianOrganizationId();
        add(StudyManifest.of(header, List.copyOf(contents.values()), custodian));
        held.computeIfAbsent(uid, k -> new LinkedHashMap<>()).put(source.id(), new Object[] {"registered", 0L});
        return old == null;
    }

    @Override
    public int withdrawUnseen(String sourceId, long generation) {
        int removed = 0;
        for (String uid : new ArrayList<>(held.keySet())) {
            Object[] h = held.get(uid).get(sourceId);
            if (h != null && (long) h[1] < generation) {
                held.get(uid).remove(sourceId);
                removed++;
                if (held.get(uid).isEmpty()) {
                    held.remove(uid);
                    manifests.remove(uid);
                }
            }
        }
        return removed;
    }

    @Override
    public IndexCounts counts() {
        return new IndexCounts(manifests.size(), manifests.values().stream().mapToLong(m -> m.series().size()).sum(),
                manifests.values().stream().mapToLong(m -> m.study().numberOfInstances()).sum());
    }

    @Override
    public IndexCounts counts(String sourceId) {
        List<StudyManifest> own = manifests.values().stream()
                .filter(m -> held.getOrDefault(m.study().studyInstanceUid(), Map.of()).containsKey(sourceId)).toList();
        return new IndexCounts(own.size(), own.stream().mapToLong(m -> m.series().size()).sum(),
                own.stream().mapToLong(m -> m.study().numberOfInstances()).sum());
    }
}
