package org.imagingexchange.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagingexchange.registry.domain.CrossStudyQuery;
import org.imagingexchange.registry.domain.Endpoint;
import org.imagingexchange.registry.domain.IndexBatch;
import org.imagingexchange.registry.domain.IndexCounts;
import org.imagingexchange.registry.domain.Located;
import org.imagingexchange.registry.domain.Instance;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.PersonNames;
import org.imagingexchange.registry.domain.SearchScope;
import org.imagingexchange.registry.domain.Series;
import org.imagingexchange.registry.domain.SeriesInstance;
import org.imagingexchange.registry.domain.SourceArchive;
import org.imagingexchange.registry.domain.Study;
import org.imagingexchange.registry.domain.StudyIndex;
import org.imagingexchange.registry.domain.StudyManifest;
import org.imagingexchange.registry.domain.StudyQuery;

/**
 * {@link StudyIndex} on JPA (Hibernate) over the tables of {@code V2__regional_index.sql}: searches are
 * one SQL statement each ({@link StudySearchSql}); a crawl page is one transaction, written set-based
 * ({@link SqlBatch}). Thread-safe.
 */
@ApplicationScoped
@Transactional
public class JpaStudyIndex implements StudyIndex {

    /** Fingerprint recorded for a study a source holds by registration (never equal to a crawl's). */
    static final String REGISTERED = "registered";

    /** Most values in one SQL IN list. */
    static final int IN_CHUNK = 500;

    /** Table size from which the metrics gauge uses PostgreSQL's row estimate instead of COUNT(*). */
    static final long ESTIMATE_ABOVE = 100_000;

    private volatile Boolean postgresql;

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Inject
    PatientLinks patients;

    @Inject
    JpaCrawlCheckpoints checkpoints;

    @Override
    public List<Study> find(StudyQuery query, SearchScope scope, int offset, int limit) {
        return window(StudySearchSql.of(query, scope), StudyEntity.class, offset, limit).stream()
                .map(StudyEntity::toDomain).toList();
    }

    @Override
    public List<Located<Series>> findSeries(CrossStudyQuery query, SearchScope scope, int offset, int limit) {
        List<SeriesEntity> rows = window(StudySearchSql.series(query, scope), SeriesEntity.class, offset, limit);
        Map<String, Study> studies = studies(rows.stream().map(r -> r.studyInstanceUid).distinct().toList());
        return rows.stream().map(r -> new Located<>(studies.get(r.studyInstanceUid), r.toDomain())).toList();
    }

    @Override
    public List<Located<SeriesInstance>> findInstances(CrossStudyQuery query, SearchScope scope, int offset, int limit) {
        List<InstanceEntity> rows = window(StudySearchSql.instances(query, scope), InstanceEntity.class, offset, limit);
        Map<String, Study> studies = studies(rows.stream().map(r -> r.studyInstanceUid).distinct().toList());
        Map<String, Series> series = new HashMap<>();
        for (List<String> chunk : chunks(rows.stream().map(r -> r.seriesInstanceUid).distinct().toList())) {
            em.createQuery("select x from SeriesEntity x where x.seriesInstanceUid in :uids", SeriesEntity.class)
                    .setParameter("uids", chunk).getResultList().forEach(x -> series.put(x.seriesInstanceUid, x.toDomain()));
        }
        return rows.stream().map(r -> new Located<>(studies.get(r.studyInstanceUid),
                new SeriesInstance(series.get(r.seriesInstanceUid), r.toDomain()))).toList();
    }

    @SuppressWarnings("unchecked")
    private <E> List<E> window(StudySearchSql sql, Class<E> type, int offset, int limit) {
        Query q = em.createNativeQuery(sql.sql(), type);
        int n = sql.parameters().size();
        for (int i = 0; i < n; i++) {
            q.setParameter(i + 1, sql.parameters().get(i));
        }
        if (sql.pagedInside()) {
            return q.setParameter(n - 1, offset).setParameter(n, limit).getResultList();
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private Map<String, Study> studies(List<String> uids) {
        Map<String, Study> out = new HashMap<>();
        for (List<String> chunk : chunks(uids)) {
            em.createQuery("select s from StudyEntity s where s.studyInstanceUid in :uids", StudyEntity.class)
                    .setParameter("uids", chunk).getResultList().forEach(s -> out.put(s.studyInstanceUid, s.toDomain()));
        }
        return out;
    }

    /** The study with every identifier its patient carries (Other Patient IDs, MADO Patient.identifier). */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<Study> study(String studyInstanceUid) {
        StudyEntity row = em.find(StudyEntity.class, studyInstanceUid);
        if (row == null) {
            return Optional.empty();
        }
        List<Object[]> ids = em.createNativeQuery("SELECT id_value, issuer FROM patient_identifier WHERE patient_key = ?1"
                + " ORDER BY issuer, id_value").setParameter(1, row.patientKey).getResultList();
        PatientIdentifier primary = row.patientId.isEmpty() ? null : new PatientIdentifier(row.patientId, row.issuerOfPatientId);
        return Optional.of(row.toDomain(ids.stream().map(r -> new PatientIdentifier((String) r[0], (String) r[1]))
                .filter(id -> !id.equals(primary)).toList()));
    }

    @Override
    public List<Series> series(String studyInstanceUid) {
        return em.createQuery("select s from SeriesEntity s where s.studyInstanceUid = :uid"
                        + " order by s.seriesNumber nulls last, s.seriesInstanceUid", SeriesEntity.class)
                .setParameter("uid", studyInstanceUid).getResultList().stream().map(SeriesEntity::toDomain).toList();
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
    @SuppressWarnings("unchecked")
    public List<Endpoint> endpoints(String studyInstanceUid) {
        List<Object[]> rows = em.createNativeQuery("SELECT sa.source_id, sa.wado_rs_url FROM study_source ss"
                        + " JOIN source_archive sa ON sa.source_id = ss.source_id WHERE ss.study_instance_uid = ?1"
                        + " ORDER BY ss.updated_at, sa.source_id")
                .setParameter(1, studyInstanceUid).getResultList();
        return rows.stream().map(r -> new Endpoint((String) r[0], (String) r[1])).toList();
    }

    @Override
    public void registerSource(SourceArchive source) {
        SourceArchiveEntity e = em.find(SourceArchiveEntity.class, source.id());
        boolean created = e == null;
        e = created ? new SourceArchiveEntity() : e;
        e.sourceId = source.id();
        e.wadoRsUrl = source.wadoRsBaseUrl();
        e.organizationId = source.organizationId();
        e.aeTitle = source.aeTitle();
        e.defaultIssuer = source.defaultIssuer();
        e.updatedAt = Instant.now();
        if (created) {
            em.persist(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> fingerprints(String sourceId, Collection<String> studyInstanceUids) {
        Map<String, String> out = new HashMap<>();
        for (List<String> chunk : chunks(studyInstanceUids)) {
            List<Object[]> rows = em.createNativeQuery("SELECT study_instance_uid, fingerprint FROM study_source"
                            + " WHERE source_id = ?1 AND study_instance_uid IN (?2)")
                    .setParameter(1, sourceId).setParameter(2, chunk).getResultList();
            rows.forEach(r -> out.put((String) r[0], (String) r[1]));
        }
        return out;
    }

    @Override
    public void applyBatch(IndexBatch batch) {
        Instant now = Instant.now();
        String sourceId = batch.source().id();
        long generation = batch.checkpoint().generation();
        if (!batch.changed().isEmpty()) {
            writeChanged(batch, now);
        }
        SqlBatch.updateIn(em, "UPDATE study_source SET crawl_generation = ? WHERE source_id = ? AND study_instance_uid IN",
                List.of(generation, sourceId), batch.unchanged());
        checkpoints.save(batch.checkpoint(), now);
    }

    /**
     * Writes a page's changed studies set-based: one query for the study rows already indexed, patients
     * linked for the whole page ({@link PatientLinks#linkAll}), study rows in Hibernate's insert / update
     * batches, then their old side rows and contents deleted by chunked {@code IN} lists and the new ones
     * inserted in JDBC batches (series and instances a study no longer lists go; UIDs listed under another
     * study move here).
     */
    private void writeChanged(IndexBatch batch, Instant now) {
        List<StudyManifest> changed = batch.changed();
        List<String> uids = changed.stream().map(m -> m.study().studyInstanceUid()).toList();
        Map<String, StudyEntity> existing = new HashMap<>();
        for (List<String> chunk : chunks(uids)) {
            em.createQuery("select s from StudyEntity s where s.studyInstanceUid in :uids", StudyEntity.class)
                    .setParameter("uids", chunk).getResultList().forEach(s -> existing.put(s.studyInstanceUid, s));
        }
        List<Long> keys = patients.linkAll(changed.stream().map(m -> m.study().patientIdentifiers()).toList(),
                uids.stream().map(uid -> existing.containsKey(uid) ? existing.get(uid).patientKey : null).toList(), now);
        for (int i = 0; i < changed.size(); i++) {
            StudyEntity row = existing.get(uids.get(i));
            boolean created = row == null;
            row = created ? new StudyEntity() : row;
            row.apply(changed.get(i).study(), keys.get(i), batch.source().organizationId(), now);
            if (created) {
                em.persist(row);
            }
        }
        em.flush();

        List<String> old = uids.stream().filter(existing::containsKey).toList();
        // By UID: a series or instance a (broken) source lists under two studies of the page goes to the later one.
        Map<String, Object[]> seriesRows = new java.util.LinkedHashMap<>();
        Map<String, Object[]> instanceRows = new java.util.LinkedHashMap<>();
        List<Object[]> modalityRows = new ArrayList<>();
        List<Object[]> componentRows = new ArrayList<>();
        for (StudyManifest m : changed) {
            Study s = m.study();
            String uid = s.studyInstanceUid();
            for (StudyManifest.SeriesManifest sm : m.series()) {
                Series x = sm.series();
                seriesRows.put(x.seriesInstanceUid(), new Object[] {x.seriesInstanceUid(), uid, x.modality(),
                        x.seriesNumber(), x.seriesDescription(), x.bodyPartExamined(), x.numberOfInstances()});
                for (Instance i : sm.instances()) {
                    instanceRows.put(i.sopInstanceUid(), new Object[] {i.sopInstanceUid(), x.seriesInstanceUid(), uid,
                            i.sopClassUid(), i.instanceNumber(), i.numberOfFrames()});
                }
            }
            s.modalitiesInStudy().stream().distinct()
                    .forEach(modality -> modalityRows.add(new Object[] {uid, clip(modality, 16), s.studyDate()}));
            PersonNames.components(s.patientName()).forEach(c -> componentRows.add(new Object[] {uid, c}));
        }
        SqlBatch.updateIn(em, "DELETE FROM study_modality WHERE study_instance_uid IN", List.of(), old);
        SqlBatch.updateIn(em, "DELETE FROM person_name_component WHERE study_instance_uid IN", List.of(), old);
        // Instances go with their series (ON DELETE CASCADE).
        SqlBatch.updateIn(em, "DELETE FROM imaging_series WHERE study_instance_uid IN", List.of(), old);
        SqlBatch.updateIn(em, "DELETE FROM imaging_instance WHERE sop_instance_uid IN", List.of(), instanceRows.keySet());
        SqlBatch.updateIn(em, "DELETE FROM imaging_series WHERE series_instance_uid IN", List.of(), seriesRows.keySet());
        SqlBatch.update(em, "INSERT INTO imaging_series (series_instance_uid, study_instance_uid, modality, series_number,"
                + " series_description, body_part_examined, number_of_instances) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new ArrayList<>(seriesRows.values()));
        SqlBatch.update(em, "INSERT INTO imaging_instance (sop_instance_uid, series_instance_uid, study_instance_uid,"
                + " sop_class_uid, instance_number, number_of_frames) VALUES (?, ?, ?, ?, ?, ?)",
                new ArrayList<>(instanceRows.values()));
        SqlBatch.update(em, "INSERT INTO study_modality (study_instance_uid, modality, study_date) VALUES (?, ?, ?)",
                modalityRows);
        SqlBatch.update(em, "INSERT INTO person_name_component (study_instance_uid, component) VALUES (?, ?)",
                componentRows);
        writeStudySources(batch, uids, now);
    }

    /** Stamps the page's changed studies at this source: rows it already had are updated, the others inserted. */
    @SuppressWarnings("unchecked")
    private void writeStudySources(IndexBatch batch, List<String> uids, Instant now) {
        String sourceId = batch.source().id();
        long generation = batch.checkpoint().generation();
        java.util.Set<String> held = new java.util.HashSet<>();
        for (List<String> chunk : chunks(uids)) {
            held.addAll(em.createNativeQuery("SELECT study_instance_uid FROM study_source WHERE source_id = ?1"
                    + " AND study_instance_uid IN (?2)").setParameter(1, sourceId).setParameter(2, chunk).getResultList());
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (String uid : uids) {
            String fingerprint = batch.fingerprints().get(uid);
            if (held.contains(uid)) {
                updates.add(new Object[] {fingerprint, generation, now, uid, sourceId});
            } else {
                inserts.add(new Object[] {uid, sourceId, fingerprint, generation, now});
            }
        }
        SqlBatch.update(em, "UPDATE study_source SET fingerprint = ?, crawl_generation = ?, updated_at = ?"
                + " WHERE study_instance_uid = ? AND source_id = ?", updates);
        SqlBatch.update(em, "INSERT INTO study_source (study_instance_uid, source_id, fingerprint, crawl_generation,"
                + " updated_at) VALUES (?, ?, ?, ?, ?)", inserts);
    }

    @Override
    public boolean registerInstance(SourceArchive source, Study header, Series series, Instance instance) {
        Instant now = Instant.now();
        registerSource(source);
        String uid = header.studyInstanceUid();
        StudyEntity study = em.find(StudyEntity.class, uid);
        boolean newStudy = study == null;
        study = newStudy ? new StudyEntity() : study;
        long patientKey = patients.link(header.patientIdentifiers(), newStudy ? null : study.patientKey, now);
        study.apply(header, patientKey, source.organizationId(), now);
        if (newStudy) {
            em.persist(study);
        }
        SeriesEntity seriesRow = em.find(SeriesEntity.class, series.seriesInstanceUid());
        boolean newSeries = seriesRow == null;
        seriesRow = newSeries ? new SeriesEntity() : seriesRow;
        seriesRow.apply(uid, series);
        if (newSeries) {
            em.persist(seriesRow);
        }
        InstanceEntity instanceRow = em.find(InstanceEntity.class, instance.sopInstanceUid());
        boolean newInstance = instanceRow == null;
        instanceRow = newInstance ? new InstanceEntity() : instanceRow;
        instanceRow.apply(uid, series.seriesInstanceUid(), instance);
        if (newInstance) {
            em.persist(instanceRow);
        }
        em.flush();
        deriveFromContents(study, List.of(seriesRow));
        replaceSideRows(study.toDomain());
        upsertStudySource(uid, source.id(), "c-store", currentGeneration(source.id()), now);
        return newInstance;
    }

    @Override
    public boolean registerStudy(SourceArchive source, StudyManifest manifest) {
        Instant now = Instant.now();
        registerSource(source);
        Study given = manifest.study();
        String uid = given.studyInstanceUid();
        StudyEntity study = em.find(StudyEntity.class, uid);
        boolean created = study == null;
        Study header = created ? given : given.over(study.toDomain());
        study = created ? new StudyEntity() : study;
        long patientKey = patients.link(header.patientIdentifiers(), created ? null : study.patientKey, now);
        study.apply(header, patientKey, source.organizationId(), now);
        if (created) {
            em.persist(study);
        }
        List<SeriesEntity> touched = new ArrayList<>();
        for (StudyManifest.SeriesManifest sm : manifest.series()) {
            Series listed = sm.series();
            SeriesEntity row = em.find(SeriesEntity.class, listed.seriesInstanceUid());
            if (row == null) {
                row = new SeriesEntity();
                row.apply(uid, listed);
                em.persist(row);
            } else {
                row.merge(uid, listed);
            }
            touched.add(row);
            for (Instance i : sm.instances()) {
                InstanceEntity instance = em.find(InstanceEntity.class, i.sopInstanceUid());
                if (instance == null) {
                    instance = new InstanceEntity();
                    instance.apply(uid, listed.seriesInstanceUid(), i);
                    em.persist(instance);
                } else {
                    instance.merge(uid, listed.seriesInstanceUid(), i);
                }
            }
        }
        em.flush();
        deriveFromContents(study, touched);
        replaceSideRows(study.toDomain());
        upsertStudySource(uid, source.id(), REGISTERED, currentGeneration(source.id()), now);
        return created;
    }

    /** @return the source's current crawl generation (0 before its first crawl) */
    private long currentGeneration(String sourceId) {
        return em.createQuery("select s.generation from CrawlStateEntity s where s.sourceId = :id", Long.class)
                .setParameter("id", sourceId).getResultStream().findFirst().orElse(0L);
    }

    /** Counts, modalities, SOP classes and body parts of a study derived again from its rows (eHN B.1.1). */
    @SuppressWarnings("unchecked")
    private void deriveFromContents(StudyEntity study, List<SeriesEntity> changed) {
        for (SeriesEntity series : changed) {
            series.numberOfInstances = (int) count("SELECT COUNT(*) FROM imaging_instance WHERE series_instance_uid = ?1",
                    series.seriesInstanceUid);
        }
        em.flush();
        List<Object[]> rows = em.createNativeQuery("SELECT modality, body_part_examined, number_of_instances"
                + " FROM imaging_series WHERE study_instance_uid = ?1").setParameter(1, study.studyInstanceUid).getResultList();
        java.util.LinkedHashSet<String> modalities = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> bodyParts = new java.util.LinkedHashSet<>();
        int instances = 0;
        for (Object[] r : rows) {
            if (r[0] != null && !((String) r[0]).isBlank()) {
                modalities.add((String) r[0]);
            }
            if (r[1] != null && !((String) r[1]).isBlank()) {
                bodyParts.add((String) r[1]);
            }
            instances += ((Number) r[2]).intValue();
        }
        List<String> classes = em.createNativeQuery("SELECT DISTINCT sop_class_uid FROM imaging_instance"
                + " WHERE study_instance_uid = ?1 AND sop_class_uid IS NOT NULL").setParameter(1, study.studyInstanceUid)
                .getResultList();
        study.numberOfSeries = rows.size();
        study.numberOfInstances = instances;
        study.modalitiesInStudy = String.join(StudyEntity.MULTI_VALUE, modalities);
        study.bodyPartsExamined = String.join(StudyEntity.MULTI_VALUE, bodyParts);
        study.sopClassesInStudy = String.join(StudyEntity.MULTI_VALUE, classes.stream().sorted().toList());
    }

    @Override
    @SuppressWarnings("unchecked")
    public int withdrawUnseen(String sourceId, long generation) {
        List<String> gone = em.createNativeQuery("SELECT study_instance_uid FROM study_source WHERE source_id = ?1"
                        + " AND crawl_generation < ?2")
                .setParameter(1, sourceId).setParameter(2, generation).getResultList();
        for (List<String> chunk : chunks(gone)) {
            em.createNativeQuery("DELETE FROM study_source WHERE source_id = ?1 AND study_instance_uid IN (?2)")
                    .setParameter(1, sourceId).setParameter(2, chunk).executeUpdate();
            // Series, instances, modalities and name components go with the study (ON DELETE CASCADE).
            em.createNativeQuery("DELETE FROM imaging_study WHERE study_instance_uid IN (?1) AND NOT EXISTS"
                            + " (SELECT 1 FROM study_source ss WHERE ss.study_instance_uid = imaging_study.study_instance_uid)")
                    .setParameter(1, chunk).executeUpdate();
        }
        return gone.size();
    }

    @Override
    public IndexCounts counts() {
        return new IndexCounts(count("SELECT COUNT(*) FROM imaging_study"), count("SELECT COUNT(*) FROM imaging_series"),
                count("SELECT COUNT(*) FROM imaging_instance"));
    }

    /**
     * Index size for the metrics gauge without scanning large tables: a table PostgreSQL's statistics
     * ({@code pg_class.reltuples}, kept by autovacuum and ANALYZE) put at {@value #ESTIMATE_ABOVE} rows or
     * more reports that estimate; smaller tables, and every table on other databases, are counted exactly.
     *
     * @return studies, series and instances, exact or estimated as above
     */
    public IndexCounts approximateCounts() {
        return new IndexCounts(estimateOrCount("imaging_study"), estimateOrCount("imaging_series"),
                estimateOrCount("imaging_instance"));
    }

    private long estimateOrCount(String table) {
        if (postgresql()) {
            Object estimate = em.createNativeQuery("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?1)")
                    .setParameter(1, table).getResultStream().findFirst().orElse(null);
            if (estimate instanceof Number n && n.longValue() >= ESTIMATE_ABOVE) {
                return n.longValue();
            }
        }
        return count("SELECT COUNT(*) FROM " + table);
    }

    private boolean postgresql() {
        Boolean p = postgresql;
        if (p == null) {
            p = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT).startsWith("postgresql");
            postgresql = p;
        }
        return p;
    }

    @Override
    public IndexCounts counts(String sourceId) {
        String held = " IN (SELECT study_instance_uid FROM study_source WHERE source_id = ?1)";
        return new IndexCounts(
                count("SELECT COUNT(*) FROM study_source WHERE source_id = ?1", sourceId),
                count("SELECT COUNT(*) FROM imaging_series WHERE study_instance_uid" + held, sourceId),
                count("SELECT COUNT(*) FROM imaging_instance WHERE study_instance_uid" + held, sourceId));
    }

    private void replaceSideRows(Study s) {
        String uid = s.studyInstanceUid();
        em.createNativeQuery("DELETE FROM study_modality WHERE study_instance_uid = ?1").setParameter(1, uid).executeUpdate();
        for (String modality : s.modalitiesInStudy().stream().distinct().toList()) {
            em.createNativeQuery("INSERT INTO study_modality (study_instance_uid, modality, study_date) VALUES (?1, ?2, ?3)")
                    .setParameter(1, uid).setParameter(2, clip(modality, 16)).setParameter(3, s.studyDate()).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM person_name_component WHERE study_instance_uid = ?1").setParameter(1, uid)
                .executeUpdate();
        for (String component : PersonNames.components(s.patientName())) {
            em.createNativeQuery("INSERT INTO person_name_component (study_instance_uid, component) VALUES (?1, ?2)")
                    .setParameter(1, uid).setParameter(2, component).executeUpdate();
        }
    }

    private void upsertStudySource(String uid, String sourceId, String fingerprint, long generation, Instant now) {
        int updated = em.createNativeQuery("UPDATE study_source SET fingerprint = ?1, crawl_generation = ?2,"
                        + " updated_at = ?3 WHERE study_instance_uid = ?4 AND source_id = ?5")
                .setParameter(1, fingerprint).setParameter(2, generation).setParameter(3, now)
                .setParameter(4, uid).setParameter(5, sourceId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO study_source (study_instance_uid, source_id, fingerprint, crawl_generation,"
                            + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, uid).setParameter(2, sourceId).setParameter(3, fingerprint)
                    .setParameter(4, generation).setParameter(5, now).executeUpdate();
        }
    }

    private long count(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += IN_CHUNK) {
            out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
        }
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
