package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code source_endpoint}: a source archive's WADO-RS endpoint (eHN B.1.4.6) and custodian. */
@Entity
@Table(name = "source_endpoint")
public class SourceEndpointEntity {

    @Id
    @Column(name = "source_id")
    String sourceId;
    @Column(name = "wado_rs_url")
    String wadoRsUrl;
    @Column(name = "organization_id")
    String organizationId;
    @Column(name = "ae_title")
    String aeTitle;
    @Column(name = "updated_at")
    Instant updatedAt;
}
