package org.imagingexchange.consent.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.consent.domain.ConsentDirective;
import org.imagingexchange.consent.domain.ConsentStatus;
import org.imagingexchange.consent.domain.DataClassCodes;

/** Row of {@code consent_directive} (migration V1): one FHIR Consent with its decision criteria. */
@Entity
@Table(name = "consent_directive")
public class ConsentDirectiveEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "patient_id", nullable = false, length = 64)
    String patientId;

    @Column(name = "patient_id_issuer", nullable = false, length = 128)
    String patientIdIssuer;

    /** {@code permit} or {@code deny} (FHIR consent-provision-type). */
    @Column(name = "provision", nullable = false, length = 8)
    String provision;

    @Column(name = "organization_id", length = 128)
    String organizationId;

    @Column(name = "country", length = 2)
    String country;

    /** {@code imaging-study} or {@code imaging-report}; null for all classes. */
    @Column(name = "data_class", length = 32)
    String dataClass;

    /** FHIR consent-state code. */
    @Column(name = "status", nullable = false, length = 16)
    String status;

    @Column(name = "period_start")
    Instant periodStart;

    @Column(name = "period_end")
    Instant periodEnd;

    @Column(name = "recorded_by", nullable = false, length = 128)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    /** Consent.organization: the organisation whose data the directive governs; null for all (migration V2). */
    @Column(name = "custodian_organization_id", length = 128)
    String custodianOrganizationId;

    /** Consent.provision.purpose codes, space-separated and sorted; null for any purpose (migration V4). */
    @Column(name = "purposes", length = 256)
    String purposes;

    @Column(name = "resource_json", nullable = false, columnDefinition = "TEXT")
    String resourceJson;

    /** Position in the permit feed, assigned by the database (identity column, V3). */
    @Column(name = "feed_seq", insertable = false, updatable = false)
    Long feedSeq;

    /** For JPA. */
    protected ConsentDirectiveEntity() {
    }

    /** @return an entity holding the directive's values */
    static ConsentDirectiveEntity of(ConsentDirective d) {
        ConsentDirectiveEntity e = new ConsentDirectiveEntity();
        e.id = d.id();
        e.patientId = d.patientId();
        e.patientIdIssuer = d.patientIdIssuer();
        e.provision = d.provision().name().toLowerCase(java.util.Locale.ROOT);
        e.organizationId = d.organizationId();
        e.country = d.country();
        e.dataClass = d.dataClass() == null ? null : DataClassCodes.code(d.dataClass());
        e.status = d.status().code();
        e.periodStart = d.periodStart();
        e.periodEnd = d.periodEnd();
        e.recordedBy = d.recordedBy();
        e.recordedAt = d.recordedAt();
        e.resourceJson = d.resourceJson();
        e.custodianOrganizationId = d.custodianOrganizationId();
        e.purposes = d.purposes().isEmpty() ? null : String.join(" ", new java.util.TreeSet<>(d.purposes()));
        return e;
    }

    /** @return the domain directive this row holds */
    ConsentDirective toDirective() {
        return new ConsentDirective(id, patientId, patientIdIssuer, Decision.valueOf(provision.toUpperCase(java.util.Locale.ROOT)),
                organizationId, country, dataClass == null ? null : DataClassCodes.parse(dataClass),
                ConsentStatus.fromCode(status).orElseThrow(() -> new IllegalStateException("unknown status " + status)),
                periodStart, periodEnd, recordedBy, recordedAt, resourceJson, custodianOrganizationId,
                purposes == null || purposes.isBlank() ? java.util.Set.of()
                        : java.util.Set.of(purposes.trim().split(" +")));
    }
}
