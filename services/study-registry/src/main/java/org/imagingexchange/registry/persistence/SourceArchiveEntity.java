package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of {@code source_archive}: a source's retrieval endpoint (eHN B.1.4.6), custodian organisation, AE
 * title and default Issuer of Patient ID.
 */
@Entity
@Table(name = "source_archive")
public class SourceArchiveEntity {

    @Id
    @Column(name = "source_id")
    String sourceId;
    @Column(name = "wado_rs_url")
    String wadoRsUrl;
    @Column(name = "organization_id")
    String organizationId;
    @Column(name = "ae_title")
    String aeTitle;
    @Column(name = "default_issuer")
    String defaultIssuer;
    @Column(name = "updated_at")
    Instant updatedAt;
}
