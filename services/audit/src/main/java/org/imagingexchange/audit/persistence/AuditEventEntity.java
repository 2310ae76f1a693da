package org.imagingexchange.audit.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;

/** One stored audit record (table {@code audit_event}); inserted once, never updated. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @Column(name = "sequence")
    long sequence;

    @Column(name = "event_id", nullable = false, length = 64, unique = true)
    String eventId;

    @Column(name = "recorded", nullable = false)
    Instant recorded;

    @Column(name = "pattern", nullable = false, length = 32)
    String pattern;

    @Column(name = "action", nullable = false, length = 1)
    String action;

    @Column(name = "outcome", nullable = false, length = 2)
    String outcome;

    @Column(name = "outcome_detail", nullable = false, length = 1024)
    String outcomeDetail;

    @Column(name = "source", nullable = false, length = 128)
    String source;

    @Column(name = "correlation_id", nullable = false, length = 64)
    String correlationId;

    @Column(name = "agent_user_id", nullable = false, length = 256)
    String agentUserId;

    @Column(name = "agent_username", nullable = false, length = 256)
    String agentUsername;

    @Column(name = "agent_client_id", nullable = false, length = 256)
    String agentClientId;

    @Column(name = "agent_organization_id", nullable = false, length = 256)
    String agentOrganizationId;

    @Column(name = "agent_country", nullable = false, length = 8)
    String agentCountry;

    @Column(name = "purpose_of_use", nullable = false, length = 64)
    String purposeOfUse;

    @Column(name = "ingested_at", nullable = false)
    Instant ingestedAt;

    @Column(name = "hash", nullable = false, length = 64)
    String hash;

    @ElementCollection
    @CollectionTable(name = "audit_event_patient", joinColumns = @JoinColumn(name = "event_sequence"))
    @OrderColumn(name = "item_index")
    @BatchSize(size = 100)
    List<PatientRow> patients = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "audit_event_entity", joinColumns = @JoinColumn(name = "event_sequence"))
    @OrderColumn(name = "item_index")
    @BatchSize(size = 100)
    List<EntityRow> entities = new ArrayList<>();
}
