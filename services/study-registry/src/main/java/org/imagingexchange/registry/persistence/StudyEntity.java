package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.imagingexchange.registry.domain.Study;

/** Row of {@code imaging_study}: study level of the eHN manifest (B.1.1-B.1.3). */
@Entity
@Table(name = "imaging_study")
public class StudyEntity {

    /** Separator of multiple values in one text column (the DICOM value delimiter, PS3.5 §6.4). */
    static final String MULTI_VALUE = "\\";

    @Id
    @Column(name = "study_instance_uid")
    String studyInstanceUid;
    @Column(name = "patient_id")
    String patientId;
    @Column(name = "issuer_of_patient_id")
    String issuerOfPatientId;
    @Column(name = "patient_name")
    String patientName;
    @Column(name = "patient_birth_date")
    LocalDate patientBirthDate;
    @Column(name = "patient_sex")
    String patientSex;
    @Column(name = "study_date")
    LocalDate studyDate;
    @Column(name = "study_time")
    String studyTime;
    @Column(name = "accession_number")
    String accessionNumber;
    @Column(name = "study_id")
    String studyId;
    @Column(name = "study_description")
    String studyDescription;
    @Column(name = "referring_physician_name")
    String referringPhysicianName;
    @Column(name = "modalities_in_study")
    String modalitiesInStudy;
    @Column(name = "body_parts_examined")
    String bodyPartsExamined;
    @Column(name = "number_of_series")
    int numberOfSeries;
    @Column(name = "number_of_instances")
    int numberOfInstances;
    @Column(name = "custodian_organization_id")
    String custodianOrganizationId;
    @Column(name = "source_id")
    String sourceId;
    @Column(name = "indexed_at")
    Instant indexedAt;

    /** Copies every attribute of the domain study into this row. */
    void apply(Study s, Instant now) {
        studyInstanceUid = s.studyInstanceUid();
        patientId = s.patientId();
        issuerOfPatientId = s.issuerOfPatientId();
        patientName = s.patientName();
        patientBirthDate = s.patientBirthDate();
        patientSex = s.patientSex();
        studyDate = s.studyDate();
        studyTime = s.studyTime();
        accessionNumber = s.accessionNumber();
        studyId = s.studyId();
        studyDescription = s.studyDescription();
        referringPhysicianName = s.referringPhysicianName();
        modalitiesInStudy = String.join(MULTI_VALUE, s.modalitiesInStudy());
        bodyPartsExamined = String.join(MULTI_VALUE, s.bodyPartsExamined());
        numberOfSeries = s.numberOfSeries();
        numberOfInstances = s.numberOfInstances();
        custodianOrganizationId = s.custodianOrganizationId();
        sourceId = s.sourceId();
        indexedAt = now;
    }

    /** @return the domain value of this row */
    Study toDomain() {
        return new Study(studyInstanceUid, patientId, issuerOfPatientId, patientName, patientBirthDate, patientSex,
                studyDate, studyTime, accessionNumber, studyId, studyDescription, referringPhysicianName,
                split(modalitiesInStudy), split(bodyPartsExamined), numberOfSeries, numberOfInstances,
                custodianOrganizationId, sourceId);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split("\\\\")).filter(v -> !v.isEmpty()).toList();
    }
}
