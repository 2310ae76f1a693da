package org.imagingexchange.reports.persistence;

import io.prometheus.metrics.core.metrics.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.reports.domain.ReportCriteria;
import org.imagingexchange.reports.domain.ReportRepository;
import org.imagingexchange.reports.domain.StoredReport;

/** {@link ReportRepository} on JPA (Hibernate) over the {@code imaging_report*} tables; one transaction per call. */
@ApplicationScoped
@Transactional
public class JpaReportRepository implements ReportRepository {

    private static final Counter STORED = Counter.builder()
            .name("reports_stored_total")
            .help("Imaging reports stored (eHN data set A, FHIR DiagnosticReport)")
            .register();

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    @Override
    public void insert(StoredReport report) {
        em.persist(ReportEntity.of(report));
        em.flush();
        STORED.inc();
    }

    @Override
    public Optional<StoredReport> find(String id) {
        return Optional.ofNullable(em.find(ReportEntity.class, id)).map(ReportEntity::toDomain);
    }

    @Override
    public List<StoredReport> search(ReportCriteria criteria, int limit) {
        StringBuilder jpql = new StringBuilder("select distinct r from ReportEntity r");
        if (criteria.studyInstanceUid() != null) {
            jpql.append(" join r.studyInstanceUids u where u = :uid");
        } else {
            jpql.append(" where 1 = 1");
        }
        if (criteria.patient() != null) {
            jpql.append(" and r.patientId = :pid");
            if (criteria.patient().system() != null) {
                jpql.append(" and r.patientIdSystem = :psys");
            }
        }
        jpql.append(" order by r.lastUpdated desc, r.id");
        TypedQuery<ReportEntity> query = em.createQuery(jpql.toString(), ReportEntity.class).setMaxResults(limit);
        if (criteria.studyInstanceUid() != null) {
            query.setParameter("uid", criteria.studyInstanceUid().value());
        }
        if (criteria.patient() != null) {
            query.setParameter("pid", criteria.patient().value());
            if (criteria.patient().system() != null) {
                query.setParameter("psys", criteria.patient().system());
            }
        }
        return query.getResultList().stream().map(ReportEntity::toDomain).toList();
    }
}
