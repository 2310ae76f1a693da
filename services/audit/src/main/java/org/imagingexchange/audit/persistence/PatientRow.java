package org.imagingexchange.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A patient of an audit event (table {@code audit_event_patient}). */
@Embeddable
public class PatientRow {

    @Column(name = "patient_id", nullable = false, length = 128)
    String patientId;

    @Column(name = "patient_id_issuer", nullable = false, length = 256)
    String issuer;
}
