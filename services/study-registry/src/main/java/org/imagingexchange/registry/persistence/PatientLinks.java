package org.imagingexchange.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imagingexchange.registry.domain.PatientIdentifier;

/**
 * Links a study's patient identifiers (value + issuer) to one {@code patient} row: an identifier already
 * known names its patient; identifiers of several known patients merge them (the lowest key stays);
 * identifiers not yet known are added. Runs inside the caller's transaction. Thread-safe.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PatientLinks {

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    /**
     * @param identifiers the study's patient identifiers (may be empty)
     * @param current     the patient the study is linked to now; null for a new study
     * @param now         timestamp for new rows
     * @return the patient key to link the study to
     */
    @SuppressWarnings("unchecked")
    public long link(List<PatientIdentifier> identifiers, Long current, Instant now) {
        if (identifiers.isEmpty()) {
            return current != null ? current : newPatient(now);
        }
        List<String> values = identifiers.stream().map(PatientIdentifier::value).distinct().toList();
        List<Object[]> rows = em.createNativeQuery("SELECT id_value, issuer, patient_key FROM patient_identifier"
                + " WHERE id_value IN (?1)").setParameter(1, values).getResultList();
        Set<PatientIdentifier> wanted = new HashSet<>(identifiers);
        Set<PatientIdentifier> known = new HashSet<>();
        TreeSet<Long> keys = new TreeSet<>();
        for (Object[] r : rows) {
            PatientIdentifier id = new PatientIdentifier((String) r[0], (String) r[1]);
            if (wanted.contains(id)) {
                known.add(id);
                keys.add(((Number) r[2]).longValue());
            }
        }
        long key = keys.isEmpty() ? newPatient(now) : keys.first();
        if (keys.size() > 1) {
            merge(key, new ArrayList<>(keys.tailSet(key, false)));
        }
        for (PatientIdentifier id : identifiers) {
            if (!known.contains(id)) {
                em.createNativeQuery("INSERT INTO patient_identifier (id_value, issuer, patient_key) VALUES (?1, ?2, ?3)")
                        .setParameter(1, id.value()).setParameter(2, id.issuer()).setParameter(3, key).executeUpdate();
                known.add(id);
            }
        }
        return key;
    }

    /**
     * {@link #link} for each study of a crawl page in turn, with one lookup of all their identifiers and
     * one batch of new identifier rows: the same keys, new patients and merges as linking them one by one.
     *
     * @param identifiers each study's patient identifiers (may be empty)
     * @param current     each study's patient now; null for a new study
     * @param now         timestamp for new rows
     * @return the patient key of each study, in order
     */
    @SuppressWarnings("unchecked")
    public List<Long> linkAll(List<List<PatientIdentifier>> identifiers, List<Long> current, Instant now) {
        Map<PatientIdentifier, Long> known = new HashMap<>();
        List<String> values = identifiers.stream().flatMap(List::stream).map(PatientIdentifier::value).distinct().toList();
        for (List<String> chunk : JpaStudyIndex.chunks(values)) {
            List<Object[]> rows = em.createNativeQuery("SELECT id_value, issuer, patient_key FROM patient_identifier"
                    + " WHERE id_value IN (?1)").setParameter(1, chunk).getResultList();
            rows.forEach(r -> known.put(new PatientIdentifier((String) r[0], (String) r[1]), ((Number) r[2]).longValue()));
        }
        Map<Long, Long> mergedInto = new HashMap<>();
        Set<PatientIdentifier> added = new java.util.LinkedHashSet<>();
        List<Long> keys = new ArrayList<>(identifiers.size());
        for (int i = 0; i < identifiers.size(); i++) {
            List<PatientIdentifier> ids = identifiers.get(i);
            if (ids.isEmpty()) {
                keys.add(current.get(i) != null ? current.get(i) : newPatient(now));
                continue;
            }
            TreeSet<Long> found = new TreeSet<>();
            ids.stream().map(known::get).filter(java.util.Objects::nonNull).forEach(found::add);
            long key = found.isEmpty() ? newPatient(now) : found.first();
            if (found.size() > 1) {
                List<Long> others = new ArrayList<>(found.tailSet(key, false));
                merge(key, others);
                others.forEach(o -> mergedInto.put(o, key));
                known.replaceAll((id, k) -> others.contains(k) ? key : k);
            }
            for (PatientIdentifier id : ids) {
                if (known.putIfAbsent(id, key) == null) {
                    added.add(id);
                }
            }
            keys.add(key);
        }
        SqlBatch.update(em, "INSERT INTO patient_identifier (id_value, issuer, patient_key) VALUES (?, ?, ?)",
                added.stream().map(id -> new Object[] {id.value(), id.issuer(), known.get(id)}).toList());
        return keys.stream().map(k -> resolve(mergedInto, k)).toList();
    }

    /** @return the key a patient was merged into (through later merges too), else the key itself */
    private static Long resolve(Map<Long, Long> mergedInto, Long key) {
        Long k = key;
        while (k != null && mergedInto.containsKey(k)) {
            k = mergedInto.get(k);
        }
        return k;
    }

    private void merge(long into, List<Long> others) {
        em.createNativeQuery("UPDATE patient_identifier SET patient_key = ?1 WHERE patient_key IN (?2)")
                .setParameter(1, into).setParameter(2, others).executeUpdate();
        em.createNativeQuery("UPDATE imaging_study SET patient_key = ?1 WHERE patient_key IN (?2)")
                .setParameter(1, into).setParameter(2, others).executeUpdate();
    }

    private long newPatient(Instant now) {
        PatientEntity p = new PatientEntity();
        p.createdAt = now;
        em.persist(p);
        em.flush();
        return p.patientKey;
    }
}
