package org.imagingexchange.reports.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.StoredReport;
import org.imagingexchange.reports.domain.StudyInstanceUid;

/** Row of {@code imaging_report} with its Study Instance UID and accession number child rows (V1 migration). */
@Entity
@Table(name = "imaging_report")
public class ReportEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "version_id", nullable = false)
    int versionId;

    @Column(name = "status", nullable = false, length = 32)
    String status;

    @Column(name = "patient_id", nullable = false, length = 128)
    String patientId;

    @Column(name = "patient_id_system", nullable = false, length = 256)
    String patientIdSystem;

    @Column(name = "issued")
    Instant issued;

    @Column(name = "author_organization_id", nullable = false, length = 128)
    String authorOrganizationId;

    @Column(name = "created_by", nullable = false, length = 256)
    String createdBy;

    @Column(name = "last_updated", nullable = false)
    Instant lastUpdated;

    @Column(name = "resource_json", nullable = false, columnDefinition = "TEXT")
    String resourceJson;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "imaging_report_study", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "study_instance_uid", length = 64)
    Set<String> studyInstanceUids = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "imaging_report_accession", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "accession_number", length = 64)
    Set<String> accessionNumbers = new LinkedHashSet<>();

    /** For JPA. */
    protected ReportEntity() {
    }

    /** @return a new entity holding the report */
    static ReportEntity of(StoredReport r) {
        ReportEntity e = new ReportEntity();
        e.id = r.id();
        e.versionId = r.versionId();
        e.status = r.status();
        e.patientId = r.patient().value();
        e.patientIdSystem = r.patient().system();
        e.issued = r.issued();
        e.authorOrganizationId = r.authorOrganizationId();
        e.createdBy = r.createdBy();
        e.lastUpdated = r.lastUpdated();
        e.resourceJson = r.resourceJson();
        r.studyInstanceUids().forEach(u -> e.studyInstanceUids.add(u.value()));
        e.accessionNumbers.addAll(r.accessionNumbers());
        return e;
    }

    /** @return the domain view of this row */
    StoredReport toDomain() {
        List<StudyInstanceUid> uids = studyInstanceUids.stream().sorted().map(StudyInstanceUid::new).toList();
        return new StoredReport(id, versionId, status, new PatientIdentifier(patientIdSystem, patientId), uids,
                accessionNumbers.stream().sorted().toList(), issued, authorOrganizationId, createdBy, lastUpdated,
                resourceJson);
    }
}
