package org.imagingexchange.reports.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.imagingexchange.reports.domain.MessageKey;
import org.imagingexchange.reports.domain.ReceivedMessages;

/** {@link ReceivedMessages} on JPA over {@code imaging_report_hl7v2_message}; joins the caller's transaction. */
@ApplicationScoped
@Transactional
public class JpaReceivedMessages implements ReceivedMessages {

    @PersistenceContext(unitName = "reports")
    EntityManager em;

    @Override
    public Optional<String> reportFor(MessageKey key) {
        return Optional.ofNullable(em.find(ReceivedMessageEntity.class, new ReceivedMessageEntity.Key(key)))
                .map(e -> e.reportId);
    }

    @Override
    public void record(MessageKey key, String reportId, Instant receivedAt) {
        em.persist(new ReceivedMessageEntity(key, reportId, receivedAt));
        em.flush();
    }
}
