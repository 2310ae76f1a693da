package org.imagingexchange.consent.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagingexchange.consent.domain.ConsentDirective;
import org.imagingexchange.consent.domain.ConsentDirectiveRepository;

/** {@link ConsentDirectiveRepository} on table {@code consent_directive} (Hibernate, JTA). Thread-safe. */
@ApplicationScoped
public class JpaConsentDirectiveRepository implements ConsentDirectiveRepository {

    /** Most patient ids in one IN list. */
    static final int IN_CHUNK = 1000;

    @PersistenceContext(unitName = "consent")
    EntityManager em;

    @Override
    @Transactional
    public void add(ConsentDirective directive) {
        em.persist(ConsentDirectiveEntity.of(directive));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConsentDirective> find(String id) {
        return Optional.ofNullable(em.find(ConsentDirectiveEntity.class, id)).map(ConsentDirectiveEntity::toDirective);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentDirective> findByPatient(String patientId, String issuer) {
        String jpql = "select c from ConsentDirectiveEntity c where c.patientId = :patientId"
                + (issuer == null ? "" : " and c.patientIdIssuer = :issuer")
                + " order by c.recordedAt, c.id";
        var query = em.createQuery(jpql, ConsentDirectiveEntity.class).setParameter("patientId", patientId);
        if (issuer != null) {
            query.setParameter("issuer", issuer);
        }
        return query.getResultList().stream().map(ConsentDirectiveEntity::toDirective).toList();
    }

    /** One query per {@value #IN_CHUNK} patients (instead of one per patient). */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<ConsentDirective>> findByPatients(Collection<String> patientIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(patientIds));
        Map<String, List<ConsentDirective>> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            em.createQuery("select c from ConsentDirectiveEntity c where c.patientId in :ids order by c.recordedAt, c.id",
                            ConsentDirectiveEntity.class).setParameter("ids", chunk).getResultList()
                    .forEach(e -> out.computeIfAbsent(e.patientId, k -> new ArrayList<>()).add(e.toDirective()));
        }
        return out;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Sequenced> changedAfter(long after, int limit) {
        return em.createQuery("select c from ConsentDirectiveEntity c where c.feedSeq > :after order by c.feedSeq",
                        ConsentDirectiveEntity.class).setParameter("after", after).setMaxResults(limit).getResultList()
                .stream().map(e -> new Sequenced(e.feedSeq, e.toDirective())).toList();
    }
}
