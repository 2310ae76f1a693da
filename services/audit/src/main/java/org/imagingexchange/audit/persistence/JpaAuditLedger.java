package org.imagingexchange.audit.persistence;

import io.prometheus.metrics.core.metrics.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.imagingexchange.audit.client.AuditOutcome;
import org.imagingexchange.audit.client.AuditRecord;
import org.imagingexchange.audit.client.BalpPattern;
import org.imagingexchange.audit.domain.AuditLedger;
import org.imagingexchange.audit.domain.AuditQuery;
import org.imagingexchange.audit.domain.ChainHead;
import org.imagingexchange.audit.domain.CorruptAuditEventException;
import org.imagingexchange.audit.domain.IngestResult;
import org.imagingexchange.audit.domain.StoredAuditEvent;

/**
 * {@link AuditLedger} on JPA (Hibernate) over PostgreSQL or H2. Appends lock the single chain-head row
 * ({@code SELECT ... FOR UPDATE}) for the length of their transaction, so concurrent ingests are
 * serialised, get consecutive sequences and cannot fork the chain; the duplicate check runs under the
 * same lock. Publishes {@code audit_events_ingested_total{result="created|duplicate"}}.
 */
@ApplicationScoped
public class JpaAuditLedger implements AuditLedger {

    private static final Counter INGESTED = Counter.builder()
            .name("audit_events_ingested_total")
            .help("Audit records received by the audit service, by result (created, duplicate)")
            .labelNames("result")
            .register();

    private final Clock clock = Clock.systemUTC();

    @PersistenceContext(unitName = "audit")
    EntityManager em;

    @Override
    @Transactional
    public IngestResult append(AuditRecord record, UnaryOperator<String> link) {
        ChainHeadEntity head = em.find(ChainHeadEntity.class, ChainHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
        Optional<StoredAuditEvent> existing = find(record.eventId());
        if (existing.isPresent()) {
            INGESTED.labelValues("duplicate").inc();
            return new IngestResult(existing.get(), false);
        }
        AuditEventEntity row = AuditEventRows.toEntity(record);
        row.sequence = head.lastSequence + 1;
        row.hash = link.apply(head.lastHash);
        row.ingestedAt = Instant.now(clock);
        em.persist(row);
        head.lastSequence = row.sequence;
        head.lastHash = row.hash;
        INGESTED.labelValues("created").inc();
        return new IngestResult(new StoredAuditEvent(row.sequence, record, row.hash), true);
    }

    /**
     * Batch append: the chain-head row is locked once for the whole list and the duplicate check is one query
     * per {@value #ID_CHUNK} ids, so N records cost one transaction instead of N (inserts go out in JDBC
     * batches, {@code hibernate.jdbc.batch_size}).
     */
    @Override
    @Transactional
    public List<IngestResult> appendAll(List<AuditRecord> records, BiFunction<String, AuditRecord, String> link) {
        ChainHeadEntity head = em.find(ChainHeadEntity.class, ChainHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
        Map<String, StoredAuditEvent> known = findAll(records.stream().map(AuditRecord::eventId).distinct().toList());
        Instant now = Instant.now(clock);
        List<IngestResult> results = new ArrayList<>(records.size());
        int created = 0;
        for (AuditRecord record : records) {
            StoredAuditEvent existing = known.get(record.eventId());
            if (existing != null) {
                results.add(new IngestResult(existing, false));
                continue;
            }
            AuditEventEntity row = AuditEventRows.toEntity(record);
            row.sequence = head.lastSequence + 1;
            row.hash = link.apply(head.lastHash, record);
            row.ingestedAt = now;
            em.persist(row);
            head.lastSequence = row.sequence;
            head.lastHash = row.hash;
            StoredAuditEvent stored = new StoredAuditEvent(row.sequence, record, row.hash);
            known.put(record.eventId(), stored);
            results.add(new IngestResult(stored, true));
            created++;
        }
        INGESTED.labelValues("created").inc(created);
        INGESTED.labelValues("duplicate").inc(records.size() - created);
        return results;
    }

    /** Ids per duplicate-check query (well below every database's bind-parameter limit). */
    static final int ID_CHUNK = 500;

    private Map<String, StoredAuditEvent> findAll(List<String> eventIds) {
        Map<String, StoredAuditEvent> found = new HashMap<>();
        for (int from = 0; from < eventIds.size(); from += ID_CHUNK) {
            em.createQuery("select e from AuditEventEntity e where e.eventId in :ids", AuditEventEntity.class)
                    .setParameter("ids", eventIds.subList(from, Math.min(eventIds.size(), from + ID_CHUNK)))
                    .getResultStream().map(AuditEventRows::toStored)
                    .forEach(e -> found.put(e.record().eventId(), e));
        }
        return found;
    }

    @Override
    @Transactional
    public Optional<StoredAuditEvent> find(String eventId) {
        return em.createQuery("select e from AuditEventEntity e where e.eventId = :id", AuditEventEntity.class)
                .setParameter("id", eventId)
                .getResultStream().findFirst().map(AuditEventRows::toStored);
    }

    @Override
    @Transactional
    public List<StoredAuditEvent> search(AuditQuery query) {
        Criteria c = Criteria.of(query);
        TypedQuery<AuditEventEntity> q = em.createQuery("select e from AuditEventEntity e" + c.where
                + " order by e.recorded desc, e.sequence desc", AuditEventEntity.class);
        c.params.forEach(q::setParameter);
        return q.setFirstResult(query.offset()).setMaxResults(query.count())
                .getResultList().stream().map(AuditEventRows::toStored).toList();
    }

    @Override
    @Transactional
    public long count(AuditQuery query) {
        Criteria c = Criteria.of(query);
        TypedQuery<Long> q = em.createQuery("select count(e) from AuditEventEntity e" + c.where, Long.class);
        c.params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    @Override
    @Transactional
    public ChainHead head() {
        ChainHeadEntity head = em.find(ChainHeadEntity.class, ChainHeadEntity.ID);
        return new ChainHead(head.lastSequence, head.lastHash);
    }

    @Override
    @Transactional
    public List<StoredAuditEvent> chainSlice(long afterSequence, long upToSequence, int max) {
        List<AuditEventEntity> rows = em.createQuery("select e from AuditEventEntity e where e.sequence > :after and e.sequence <= :upTo"
                        + " order by e.sequence", AuditEventEntity.class)
                .setParameter("after", afterSequence)
                .setParameter("upTo", upToSequence)
                .setMaxResults(max)
                .getResultList();
        // A corrupt row ends the slice so the caller sees every good row before it first.
        List<StoredAuditEvent> slice = new ArrayList<>(rows.size());
        for (AuditEventEntity row : rows) {
            try {
                slice.add(AuditEventRows.toStored(row));
            } catch (CorruptAuditEventException e) {
                if (slice.isEmpty()) {
                    throw e;
                }
                break;
            }
        }
        return slice;
    }

    /** JPQL where-clause and parameters of a query; every value is bound, never concatenated. */
    private record Criteria(String where, Map<String, Object> params) {

        static Criteria of(AuditQuery q) {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            if (q.patientId() != null) {
                where.append(" and exists (select 1 from AuditEventEntity x join x.patients p"
                        + " where x.sequence = e.sequence and p.patientId = :patientId");
                params.put("patientId", q.patientId());
                if (q.patientIssuer() != null) {
                    where.append(" and p.issuer = :patientIssuer");
                    params.put("patientIssuer", q.patientIssuer());
                }
                where.append(')');
            }
            if (q.agent() != null) {
                where.append(" and (e.agentUserId = :agent or e.agentUsername = :agent"
                        + " or e.agentClientId = :agent or e.agentOrganizationId = :agent)");
                params.put("agent", q.agent());
            }
            if (q.entity() != null) {
                boolean keyed = q.entity().length() <= EntityRow.KEY_LENGTH;
                where.append(" and exists (select 1 from AuditEventEntity y join y.entities n where y.sequence = e.sequence and ")
                        .append(keyed ? "n.identifierKey" : "n.identifier").append(" = :entity)");
                params.put("entity", q.entity());
            }
            if (q.recordedFrom() != null) {
                where.append(" and e.recorded >= :from");
                params.put("from", q.recordedFrom());
            }
            if (q.recordedBefore() != null) {
                where.append(" and e.recorded < :before");
                params.put("before", q.recordedBefore());
            }
            return new Criteria(where.toString(), params);
        }
    }

    /** Mapping between the domain record and the rows. */
    static final class AuditEventRows {

        private AuditEventRows() {
        }

        static AuditEventEntity toEntity(AuditRecord r) {
            AuditEventEntity e = new AuditEventEntity();
            e.eventId = r.eventId();
            e.recorded = r.recorded();
            e.pattern = r.pattern().name();
            e.action = r.pattern().action();
            e.outcome = r.outcome().code();
            e.outcomeDetail = r.outcomeDetail();
            e.source = r.source();
            e.correlationId = r.correlationId();
            e.agentUserId = r.agent().userId();
            e.agentUsername = r.agent().username();
            e.agentClientId = r.agent().clientId();
            e.agentOrganizationId = r.agent().organizationId();
            e.agentCountry = r.agent().country();
            e.purposeOfUse = r.agent().purposeOfUse();
            for (AuditRecord.PatientRef p : r.patients()) {
                PatientRow row = new PatientRow();
                row.patientId = p.id();
                row.issuer = p.issuer();
                e.patients.add(row);
            }
            for (AuditRecord.EntityRef x : r.entities()) {
                EntityRow row = new EntityRow();
                row.type = x.type();
                row.identifier = x.identifier();
                row.identifierKey = x.identifier().length() <= EntityRow.KEY_LENGTH ? x.identifier() : null;
                row.description = x.description();
                e.entities.add(row);
            }
            return e;
        }

        static StoredAuditEvent toStored(AuditEventEntity e) {
            AuditRecord.Agent agent = new AuditRecord.Agent(e.agentUserId, e.agentUsername, e.agentClientId,
                    e.agentOrganizationId, e.agentCountry, e.purposeOfUse);
            List<AuditRecord.PatientRef> patients = e.patients.stream()
                    .map(p -> new AuditRecord.PatientRef(p.patientId, p.issuer)).toList();
            List<AuditRecord.EntityRef> entities = e.entities.stream()
                    .map(x -> new AuditRecord.EntityRef(x.type, x.identifier, x.description)).toList();
            BalpPattern pattern = pattern(e);
            AuditRecord record = new AuditRecord(e.eventId, e.recorded, pattern,
                    outcome(e), e.outcomeDetail, e.source, e.correlationId, agent, patients, entities);
            return new StoredAuditEvent(e.sequence, record, e.hash);
        }

        private static BalpPattern pattern(AuditEventEntity e) {
            for (BalpPattern p : BalpPattern.values()) {
                if (p.name().equals(e.pattern)) {
                    if (!p.action().equals(e.action)) {
                        throw new CorruptAuditEventException(e.eventId, "action " + e.action + " is not that of " + p);
                    }
                    return p;
                }
            }
            throw new CorruptAuditEventException(e.eventId, "unknown pattern");
        }

        private static AuditOutcome outcome(AuditEventEntity e) {
            for (AuditOutcome o : AuditOutcome.values()) {
                if (o.code().equals(e.outcome)) {
                    return o;
                }
            }
            throw new CorruptAuditEventException(e.eventId, "unknown outcome code");
        }
    }
}
