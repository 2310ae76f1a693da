package org.imagingexchange.registry.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Study level of the eHN imaging study manifest (data set B.1.1-B.1.3) as the registry indexes it.
 *
 * @param studyInstanceUid        Study Instance UID (0020,000D), eHN B.1.1; required
 * @param patientId               Patient ID (0010,0020); empty when the source gave none
 * @param issuerOfPatientId       Issuer of Patient ID (0010,0021); empty when unknown
 * @param patientName             Patient's Name (0010,0010) as the DICOM PN string, component groups
 *                                (alphabetic{@code =}ideographic{@code =}phonetic) kept; null when absent
 * @param patientBirthDate        Patient's Birth Date (0010,0030); null when absent or unparsable
 * @param patientSex              Patient's Sex (0010,0040): M, F, O; null when absent
 * @param studyDate               Study Date (0008,0020), eHN B.1.1; null when absent
 * @param studyTime               Study Time (0008,0030) as the source's TM string; null when absent
 * @param accessionNumber         Accession Number (0008,0050); null when absent
 * @param studyId                 Study ID (0020,0010); null when absent
 * @param studyDescription        Study Description (0008,1030), eHN B.1.2; null when absent
 * @param referringPhysicianName  Referring Physician's Name (0008,0090) PN string; null when absent
 * @param modalitiesInStudy       Modalities in Study (0008,0061), DICOM CID 29 codes; never null
 * @param bodyPartsExamined       Body Part Examined (0018,0015) of the study's series; never null
 * @param numberOfSeries          Number of Study Related Series (0020,1206), derived by counting
 * @param numberOfInstances       Number of Study Related Instances (0020,1208), derived by counting
 * @param custodianOrganizationId custodian organisation (eHN B.1.3), the source's organisation id
 * @param sourceId                id of the source archive the study was learnt from
 */
public record Study(String studyInstanceUid, String patientId, String issuerOfPatientId, String patientName,
                   LocalDate patientBirthDate, String patientSex, LocalDate studyDate, String studyTime,
                   String accessionNumber, String studyId, String studyDescription, String referringPhysicianName,
                   List<String> modalitiesInStudy, List<String> bodyPartsExamined, int numberOfSeries,
                   int numberOfInstances, String custodianOrganizationId, String sourceId) {

    /** Compact constructor: the UID is required, identifiers default to empty, lists are copied. */
    public Study {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        patientId = patientId == null ? "" : patientId;
        issuerOfPatientId = issuerOfPatientId == null ? "" : issuerOfPatientId;
        modalitiesInStudy = modalitiesInStudy == null ? List.of() : List.copyOf(modalitiesInStudy);
        bodyPartsExamined = bodyPartsExamined == null ? List.of() : List.copyOf(bodyPartsExamined);
        custodianOrganizationId = custodianOrganizationId == null ? "" : custodianOrganizationId;
        sourceId = sourceId == null ? "" : sourceId;
    }

    /**
     * @param series    the study's series
     * @param instances number of instances over all series
     * @param custodian custodian organisation id
     * @param source    source archive id
     * @return this study with counts, modalities and body parts derived from its series (eHN B.1.1)
     */
    public Study derivedFrom(List<Series> series, int instances, String custodian, String source) {
        java.util.LinkedHashSet<String> modalities = new java.util.LinkedHashSet<>(modalitiesInStudy);
        java.util.LinkedHashSet<String> bodyParts = new java.util.LinkedHashSet<>(bodyPartsExamined);
        for (Series s : series) {
            if (s.modality() != null && !s.modality().isBlank()) {
                modalities.add(s.modality());
            }
            if (s.bodyPartExamined() != null && !s.bodyPartExamined().isBlank()) {
                bodyParts.add(s.bodyPartExamined());
            }
        }
        return new Study(studyInstanceUid, patientId, issuerOfPatientId, patientName, patientBirthDate, patientSex,
                studyDate, studyTime, accessionNumber, studyId, studyDescription, referringPhysicianName,
                List.copyOf(modalities), List.copyOf(bodyParts), series.size(), instances, custodian, source);
    }
}
