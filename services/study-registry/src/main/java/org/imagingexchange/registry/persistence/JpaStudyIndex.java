package org.imagingexchange.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.imagingexchange.registry.domain.CandidateFilter;
import org.imagingexchange.registry.domain.Endpoint;
import org.imagingexchange.registry.domain.IndexCounts;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyIndex;
import org.imagingexchange.registry.domain.StudyManifest;

/** {@link StudyIndex} on JPA (Hibernate) over the tables of {@code V1__study_index.sql}. Thread-safe. */
@ApplicationScoped
@Transactional
public class JpaStudyIndex implements StudyIndex {

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public List<Study> candidates(CandidateFilter filter) {
        StringBuilder jpql = new StringBuilder("select s from StudyEntity s where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.patientId() != null) {
            jpql.append(" and s.patientId = :patientId");
            params.put("patientId", filter.patientId());
        }
        if (!filter.studyInstanceUids().isEmpty()) {
            jpql.append(" and s.studyInstanceUid in :uids");
            params.put("uids", filter.studyInstanceUids());
        }
        if (filter.studyDateFrom() != null) {
            jpql.append(" and s.studyDate >= :from");
            params.put("from", filter.studyDateFrom());
        }
        if (filter.studyDateTo() != null) {
            jpql.append(" and s.studyDate <= :to");
            params.put("to", filter.studyDateTo());
        }
        jpql.append(" order by s.studyDate desc nulls last, s.studyTime desc nulls last, s.studyInstanceUid");
        TypedQuery<StudyEntity> q = em.createQuery(jpql.toString(), StudyEntity.class);
        params.forEach(q::setParameter);
        return q.getResultList().stream().map(StudyEntity::toDomain).toList();
    }

    @Override
    public Optional<Study> study(String studyInstanceUid) {
        return Optional.ofNullable(em.find(StudyEntity.class, studyInstanceUid)).map(StudyEntity::toDomain);
    }

    @Override
    public List<Series> series(String studyInstanceUid) {
        return seriesRows(studyInstanceUid).stream().map(SeriesEntity::toDomain).toList();
    }

    @Override
    public Optional<List<Instance>> instances(String studyInstanceUid, String seriesInstanceUid) {
        SeriesEntity series = em.find(SeriesEntity.class, seriesInstanceUid);
        if (series == null || !series.studyInstanceUid.equals(studyInstanceUid)) {
            return Optional.empty();
        }
        return Optional.of(em.createQuery("select i from InstanceEntity i where i.seriesInstanceUid = :uid"
                        + " order by i.instanceNumber nulls last, i.sopInstanceUid", InstanceEntity.class)
                .setParameter("uid", seriesInstanceUid).getResultList().stream().map(InstanceEntity::toDomain).toList());
    }

    @Override
    public List<Endpoint> endpoints(String studyInstanceUid) {
        return em.createQuery("select e from SourceEndpointEntity e, StudyEntity s where s.studyInstanceUid = :uid"
                        + " and e.sourceId = s.sourceId", SourceEndpointEntity.class)
                .setParameter("uid", studyInstanceUid).getResultList().stream()
                .map(e -> new Endpoint(e.sourceId, e.wadoRsUrl)).toList();
    }

    @Override
    public IndexCounts synchronize(SourceArchive source, List<StudyManifest> manifests) {
        Instant now = Instant.now();
        upsertEndpoint(source, now);
        Set<String> seen = new HashSet<>();
        for (StudyManifest m : manifests) {
            upsertStudy(m, now);
            seen.add(m.study().studyInstanceUid());
        }
        em.createQuery("select s from StudyEntity s where s.sourceId = :source", StudyEntity.class)
                .setParameter("source", source.id()).getResultList().stream()
                .filter(s -> !seen.contains(s.studyInstanceUid))
                .forEach(this::removeStudy);
        em.flush();
        return countsOf(" where s.sourceId = :source", source.id());
    }

    @Override
    public IndexCounts counts() {
        return countsOf("", null);
    }

    private void upsertEndpoint(SourceArchive source, Instant now) {
        SourceEndpointEntity e = em.find(SourceEndpointEntity.class, source.id());
        boolean created = e == null;
        if (created) {
            e = new SourceEndpointEntity();
            e.sourceId = source.id();
        }
        e.wadoRsUrl = source.wadoRsBaseUrl();
        e.organizationId = source.organizationId();
        e.aeTitle = source.aeTitle();
        e.updatedAt = now;
        if (created) {
            em.persist(e);
        }
    }

    private void upsertStudy(StudyManifest m, Instant now) {
        String studyUid = m.study().studyInstanceUid();
        StudyEntity study = em.find(StudyEntity.class, studyUid);
        boolean created = study == null;
        study = created ? new StudyEntity() : study;
        study.apply(m.study(), now);
        if (created) {
            em.persist(study);
        }
        Map<String, SeriesEntity> oldSeries = byKey(seriesRows(studyUid), s -> s.seriesInstanceUid);
        Map<String, InstanceEntity> oldInstances = byKey(em.createQuery(
                "select i from InstanceEntity i where i.studyInstanceUid = :uid", InstanceEntity.class)
                .setParameter("uid", studyUid).getResultList(), i -> i.sopInstanceUid);
        for (StudyManifest.SeriesManifest sm : m.series()) {
            String seriesUid = sm.series().seriesInstanceUid();
            upsert(oldSeries, SeriesEntity.class, seriesUid, SeriesEntity::new, row -> row.apply(studyUid, sm.series()));
            for (Instance i : sm.instances()) {
                upsert(oldInstances, InstanceEntity.class, i.sopInstanceUid(), InstanceEntity::new,
                        row -> row.apply(studyUid, seriesUid, i));
            }
        }
        oldInstances.values().forEach(em::remove);
        oldSeries.values().forEach(em::remove);
    }

    /**
     * Updates the row taken out of the study's old rows, or found elsewhere (moved between studies),
     * or persists a new one; fields are set before persist so the INSERT carries them.
     */
    private <E> void upsert(Map<String, E> old, Class<E> type, String uid, Supplier<E> factory, Consumer<E> apply) {
        E row = old.remove(uid);
        if (row == null) {
            row = em.find(type, uid);
        }
        boolean created = row == null;
        if (created) {
            row = factory.get();
        }
        apply.accept(row);
        if (created) {
            em.persist(row);
        }
    }

    private void removeStudy(StudyEntity study) {
        em.createQuery("select i from InstanceEntity i where i.studyInstanceUid = :uid", InstanceEntity.class)
                .setParameter("uid", study.studyInstanceUid).getResultList().forEach(em::remove);
        seriesRows(study.studyInstanceUid).forEach(em::remove);
        em.remove(study);
    }

    private List<SeriesEntity> seriesRows(String studyInstanceUid) {
        return em.createQuery("select s from SeriesEntity s where s.studyInstanceUid = :uid"
                        + " order by s.seriesNumber nulls last, s.seriesInstanceUid", SeriesEntity.class)
                .setParameter("uid", studyInstanceUid).getResultList();
    }

    private IndexCounts countsOf(String studyWhere, String source) {
        String studies = "select s.studyInstanceUid from StudyEntity s" + studyWhere;
        TypedQuery<Long> st = em.createQuery("select count(s) from StudyEntity s" + studyWhere, Long.class);
        TypedQuery<Long> se = em.createQuery("select count(x) from SeriesEntity x where x.studyInstanceUid in ("
                + studies + ")", Long.class);
        TypedQuery<Long> in = em.createQuery("select count(x) from InstanceEntity x where x.studyInstanceUid in ("
                + studies + ")", Long.class);
        if (source != null) {
            st.setParameter("source", source);
            se.setParameter("source", source);
            in.setParameter("source", source);
        }
        return new IndexCounts(st.getSingleResult(), se.getSingleResult(), in.getSingleResult());
    }

    private static <E> Map<String, E> byKey(List<E> rows, Function<E, String> key) {
        return rows.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, HashMap::new));
    }
}
