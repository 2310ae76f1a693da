package org.imagingexchange.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.imagingexchange.consent.client.PermitFeedEntry;
import org.imagingexchange.consent.client.PermitFeedPage;

/**
 * The registry's mirror of the consent service's permit feed, in tables {@code consent_permit} and
 * {@code consent_feed_state} (V3_1): an active permit directive is one row, any later state of it
 * (withdrawn, inactive, deny) removes the row. Applying a page is one transaction, so the mirror and its
 * feed position never disagree; applying an entry twice is harmless. Thread-safe.
 */
@ApplicationScoped
@Transactional
public class JpaConsentPermits {

    /** The one feed this table follows. */
    static final String FEED = "permits";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    /**
     * Feed position and region policy last applied.
     *
     * @param lastSequence last feed position applied
     * @param regionPolicy the region default the feed last stated ({@code opt-in} / {@code opt-out})
     * @param syncedAt     when the mirror last caught up with the feed
     */
    public record State(long lastSequence, String regionPolicy, Instant syncedAt) {
    }

    /** @return the state, empty before the first page was applied */
    @SuppressWarnings("unchecked")
    public Optional<State> state() {
        List<Object[]> rows = em.createNativeQuery("SELECT last_sequence, region_policy, synced_at FROM consent_feed_state"
                + " WHERE feed = ?1").setParameter(1, FEED).getResultList();
        return rows.stream().findFirst().map(r -> new State(((Number) r[0]).longValue(), (String) r[1], instant(r[2])));
    }

    /**
     * Applies one feed page and records its position.
     *
     * @param page the page read from the consent service
     * @param now  the instant of the read
     * @return the new state
     */
    public State apply(PermitFeedPage page, Instant now) {
        for (PermitFeedEntry e : page.entries()) {
            em.createNativeQuery("DELETE FROM consent_permit WHERE consent_id = ?1").setParameter(1, e.consentId())
                    .executeUpdate();
            if (e.permit() && e.patientId() != null && !e.patientId().isBlank()) {
                em.createNativeQuery("INSERT INTO consent_permit (consent_id, patient_id, issuer, custodian_organization_id,"
                                + " organization_id, country, data_class, period_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .setParameter(1, e.consentId())
                        .setParameter(2, e.patientId())
                        .setParameter(3, e.patientIdIssuer() == null ? "" : e.patientIdIssuer())
                        .setParameter(4, e.custodianOrganizationId())
                        .setParameter(5, e.organizationId())
                        .setParameter(6, e.country() == null ? null : e.country().toUpperCase(Locale.ROOT))
                        .setParameter(7, e.dataClass() == null ? null : e.dataClass().name())
                        .setParameter(8, e.periodEnd() == null ? null : Timestamp.from(Instant.parse(e.periodEnd())))
                        .executeUpdate();
            }
        }
        long last = Math.max(page.last(), state().map(State::lastSequence).orElse(0L));
        int updated = em.createNativeQuery("UPDATE consent_feed_state SET last_sequence = ?1, region_policy = ?2,"
                        + " synced_at = ?3 WHERE feed = ?4")
                .setParameter(1, last).setParameter(2, page.regionPolicy()).setParameter(3, Timestamp.from(now))
                .setParameter(4, FEED).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO consent_feed_state (feed, last_sequence, region_policy, synced_at)"
                            + " VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, FEED).setParameter(2, last).setParameter(3, page.regionPolicy())
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
        }
        return new State(last, page.regionPolicy(), now);
    }

    /** @return the number of permit rows held */
    public long size() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM consent_permit").getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return Instant.EPOCH;
    }
}
