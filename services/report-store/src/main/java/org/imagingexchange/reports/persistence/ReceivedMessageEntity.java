package org.imagingexchange.reports.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.imagingexchange.reports.domain.MessageKey;

/** Row of {@code imaging_report_hl7v2_message}: an HL7 v2 message whose report was stored (V2 migration). */
@Entity
@Table(name = "imaging_report_hl7v2_message")
public class ReceivedMessageEntity {

    /** Primary key: organisation, MSH-4, MSH-10. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "organization_id", length = 128)
        String organizationId;

        @Column(name = "sending_facility", length = 256)
        String sendingFacility;

        @Column(name = "control_id", length = 199)
        String controlId;

        /** For JPA. */
        protected Key() {
        }

        Key(MessageKey key) {
            organizationId = key.organizationId();
            sendingFacility = key.sendingFacility();
            controlId = key.controlId();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && organizationId.equals(k.organizationId) && sendingFacility.equals(k.sendingFacility)
                    && controlId.equals(k.controlId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, sendingFacility, controlId);
        }
    }

    @EmbeddedId
    Key key;

    @Column(name = "report_id", nullable = false, length = 64)
    String reportId;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    /** For JPA. */
    protected ReceivedMessageEntity() {
    }

    ReceivedMessageEntity(MessageKey key, String reportId, Instant receivedAt) {
        this.key = new Key(key);
        this.reportId = reportId;
        this.receivedAt = receivedAt;
    }
}
