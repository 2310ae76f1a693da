package org.imagingexchange.registry.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.imagingexchange.registry.domain.PatientIdentifier;
import org.imagingexchange.registry.domain.PersonNames;
import org.imagingexchange.registry.domain.Study;

/** Row of {@code imaging_study}: study level of the eHN manifest (B.1.1-B.1.3) and the selection fields. */
@Entity
@Table(name = "imaging_study")
public class StudyEntity {

    /** Separator of multiple values in one text column (the DICOM value delimiter, PS3.5 §6.4). */
    static final String MULTI_VALUE = "\\";

    @Id
    @Column(name = "study_instance_uid")
    String studyInstanceUid;
    @Column(name = "patient_key")
    long patientKey;
    @Column(name = "patient_id")
    String patientId;
    @Column(name = "issuer_of_patient_id")
    String issuerOfPatientId;
    @Column(name = "patient_name")
    String patientName;
    @Column(name = "patient_name_alphabetic")
    String patientNameAlphabetic;
    @Column(name = "patient_name_ideographic")
    String patientNameIdeographic;
    @Column(name = "patient_name_phonetic")
    String patientNamePhonetic;
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
    @Column(name = "accession_number_issuer")
    String accessionNumberIssuer;
    @Column(name = "placer_order_number")
    String placerOrderNumber;
    @Column(name = "requested_procedure_code")
    String requestedProcedureCode;
    @Column(name = "study_id")
    String studyId;
    @Column(name = "study_description")
    String studyDescription;
    @Column(name = "referring_physician_name")
    String referringPhysicianName;
    @Column(name = "referring_physician_search")
    String referringPhysicianSearch;
    @Column(name = "institution_name")
    String institutionName;
    @Column(name = "modalities_in_study")
    String modalitiesInStudy;
    @Column(name = "sop_classes_in_study")
    String sopClassesInStudy;
    @Column(name = "body_parts_examined")
    String bodyPartsExamined;
    @Column(name = "number_of_series")
    int numberOfSeries;
    @Column(name = "number_of_instances")
    int numberOfInstances;
    @Column(name = "custodian_organization_id")
    String custodianOrganizationId;
    @Column(name = "indexed_at")
    Instant indexedAt;

    /**
     * Copies the domain study into this row; the custodian is kept when the row has one (the first
     * source's organisation stays custodian when a second channel reports the study).
     */
    void apply(Study s, long patient, String custodian, Instant now) {
        studyInstanceUid = s.studyInstanceUid();
        patientKey = patient;
        patientId = s.patientId();
        issuerOfPatientId = s.issuerOfPatientId();
        patientName = s.patientName();
        List<String> groups = PersonNames.searchGroups(s.patientName());
        patientNameAlphabetic = clip(groups.get(0), 340);
        patientNameIdeographic = clip(groups.get(1), 340);
        patientNamePhonetic = clip(groups.get(2), 340);
        patientBirthDate = s.patientBirthDate();
        patientSex = s.patientSex();
        studyDate = s.studyDate();
        studyTime = s.studyTime();
        accessionNumber = s.accessionNumber();
        accessionNumberIssuer = s.accessionNumberIssuer();
        studyId = s.studyId();
        studyDescription = s.studyDescription();
        referringPhysicianName = s.referringPhysicianName();
        referringPhysicianSearch = clip(PersonNames.searchGroups(s.referringPhysicianName()).get(0), 1024);
        institutionName = clip(s.institutionName(), 256);
        modalitiesInStudy = clip(String.join(MULTI_VALUE, s.modalitiesInStudy()), 512);
        sopClassesInStudy = clip(String.join(MULTI_VALUE, s.sopClassesInStudy()), 4000);
        bodyPartsExamined = clip(String.join(MULTI_VALUE, s.bodyPartsExamined()), 1024);
        numberOfSeries = s.numberOfSeries();
        numberOfInstances = s.numberOfInstances();
        if (custodianOrganizationId == null || custodianOrganizationId.isEmpty()) {
            custodianOrganizationId = custodian;
        }
        indexedAt = now;
    }

    /** @return the domain value of this row (other patient identifiers are not loaded here) */
    Study toDomain() {
        return toDomain(List.of());
    }

    /**
     * @param otherPatientIds the patient's further identifiers (from {@code patient_identifier})
     * @return the domain value of this row with those identifiers
     */
    Study toDomain(List<PatientIdentifier> otherPatientIds) {
        return new Study(studyInstanceUid, patientId, issuerOfPatientId, patientName, patientBirthDate, patientSex,
                studyDate, studyTime, accessionNumber, accessionNumberIssuer, studyId, studyDescription,
                referringPhysicianName, institutionName, split(modalitiesInStudy), split(sopClassesInStudy),
                split(bodyPartsExamined), otherPatientIds, numberOfSeries, numberOfInstances, custodianOrganizationId);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split("\\\\")).filter(v -> !v.isEmpty()).toList();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
