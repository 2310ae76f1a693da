package org.imagingexchange.registry.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Study level of the eHN imaging study manifest (data set B.1.1-B.1.3) with the selection fields, as
 * the registry indexes it.
 *
 * @param studyInstanceUid        Study Instance UID (0020,000D), eHN B.1.1 / A.1.8.10; required
 * @param patientId               Patient ID (0010,0020); empty when the source gave none
 * @param issuerOfPatientId       Issuer of Patient ID (0010,0021), or the source's configured default
 *                                issuer; empty when unknown
 * @param patientName             Patient's Name (0010,0010) as the DICOM PN string, component groups
 *                                (alphabetic{@code =}ideographic{@code =}phonetic) kept; null when absent
 * @param patientBirthDate        Patient's Birth Date (0010,0030); null when absent or unparsable
 * @param patientSex              Patient's Sex (0010,0040): M, F, O; null when absent
 * @param studyDate               Study Date (0008,0020), eHN B.1.1; null when absent
 * @param studyTime               Study Time (0008,0030) as the source's TM string; null when absent
 * @param accessionNumber         Accession Number (0008,0050), eHN A.1.8.11; null when absent
 * @param accessionNumberIssuer   Issuer of Accession Number Sequence (0008,0051) Local Namespace Entity
 *                                ID; null when absent
 * @param studyId                 Study ID (0020,0010); null when absent
 * @param studyDescription        Study Description (0008,1030), eHN B.1.2; null when absent
 * @param referringPhysicianName  Referring Physician's Name (0008,0090) PN string; null when absent
 * @param institutionName         Institution Name (0008,0080), the performing organisation; null when absent
 * @param modalitiesInStudy       Modalities in Study (0008,0061), DICOM CID 29 codes; never null
 * @param sopClassesInStudy       SOP Classes in Study (0008,0062), derived from the instances; never null
 * @param bodyPartsExamined       Body Part Examined (0018,0015) of the study's series; never null
 * @param otherPatientIds         further identifiers of the same patient (Other Patient IDs Sequence
 *                                (0010,1002), FHIR Patient.identifier); never null
 * @param numberOfSeries          Number of Study Related Series (0020,1206), derived by counting
 * @param numberOfInstances       Number of Study Related Instances (0020,1208), derived by counting
 * @param custodianOrganizationId custodian organisation (eHN B.1.3): the organisation of the source
 *                                that first made the study known; empty until the index assigns it
 */
public record Study(String studyInstanceUid, String patientId, String issuerOfPatientId, String patientName,
                   LocalDate patientBirthDate, String patientSex, LocalDate studyDate, String studyTime,
                   String accessionNumber, String accessionNumberIssuer, String studyId, String studyDescription,
                   String referringPhysicianName, String institutionName, List<String> modalitiesInStudy,
                   List<String> sopClassesInStudy, List<String> bodyPartsExamined,
                   List<PatientIdentifier> otherPatientIds, int numberOfSeries, int numberOfInstances,
                   String custodianOrganizationId) {

    /** Compact constructor: the UID is required, identifiers default to empty, lists are copied. */
    public Study {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        patientId = patientId == null ? "" : patientId.strip();
        issuerOfPatientId = issuerOfPatientId == null ? "" : issuerOfPatientId.strip();
        modalitiesInStudy = modalitiesInStudy == null ? List.of() : List.copyOf(modalitiesInStudy);
        sopClassesInStudy = sopClassesInStudy == null ? List.of() : List.copyOf(sopClassesInStudy);
        bodyPartsExamined = bodyPartsExamined == null ? List.of() : List.copyOf(bodyPartsExamined);
        otherPatientIds = otherPatientIds == null ? List.of() : List.copyOf(otherPatientIds);
        custodianOrganizationId = custodianOrganizationId == null ? "" : custodianOrganizationId;
    }

    /**
     * The identifiers the index links the patient by. Other identifiers count only with an issuer: without an
     * assigning authority the same value may name different patients in different hospitals, and linking by it
     * would merge them (a wrong-patient risk); the Patient ID itself counts with or without one.
     *
     * @return Patient ID with its issuer first (when present), then the other identifiers that have an issuer
     */
    public List<PatientIdentifier> patientIdentifiers() {
        LinkedHashSet<PatientIdentifier> all = new LinkedHashSet<>();
        if (!patientId.isEmpty()) {
            all.add(new PatientIdentifier(patientId, issuerOfPatientId));
        }
        otherPatientIds.stream().filter(id -> id.issuer() != null && !id.issuer().isBlank()).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * @param issuer the source's default Issuer of Patient ID; empty for none
     * @return this study with the issuer filled in where the source sent a Patient ID without one
     */
    public Study withDefaultIssuer(String issuer) {
        if (issuer == null || issuer.isEmpty() || !issuerOfPatientId.isEmpty() || patientId.isEmpty()) {
            return this;
        }
        return new Study(studyInstanceUid, patientId, issuer, patientName, patientBirthDate, patientSex, studyDate,
                studyTime, accessionNumber, accessionNumberIssuer, studyId, studyDescription, referringPhysicianName,
                institutionName, modalitiesInStudy, sopClassesInStudy, bodyPartsExamined, otherPatientIds,
                numberOfSeries, numberOfInstances, custodianOrganizationId);
    }

    /**
     * @param series     the study's series
     * @param sopClasses SOP Class UIDs of its instances
     * @param instances  number of instances over all series
     * @param custodian  custodian organisation id
     * @return this study with counts, modalities, SOP classes and body parts derived from its series and
     *         instances (eHN B.1.1 "derived by counting")
     */
    public Study derivedFrom(List<Series> series, List<String> sopClasses, int instances, String custodian) {
        LinkedHashSet<String> modalities = new LinkedHashSet<>(modalitiesInStudy);
        LinkedHashSet<String> bodyParts = new LinkedHashSet<>(bodyPartsExamined);
        for (Series s : series) {
            if (s.modality() != null && !s.modality().isBlank()) {
                modalities.add(s.modality());
            }
            if (s.bodyPartExamined() != null && !s.bodyPartExamined().isBlank()) {
                bodyParts.add(s.bodyPartExamined());
            }
        }
        LinkedHashSet<String> classes = new LinkedHashSet<>(sopClassesInStudy);
        classes.addAll(sopClasses);
        return new Study(studyInstanceUid, patientId, issuerOfPatientId, patientName, patientBirthDate, patientSex,
                studyDate, studyTime, accessionNumber, accessionNumberIssuer, studyId, studyDescription,
                referringPhysicianName, institutionName, List.copyOf(modalities), List.copyOf(classes),
                List.copyOf(bodyParts), otherPatientIds, series.size(), instances, custodian);
    }

    /**
     * Merges a sparser description of the same study (a registered manifest) over what the index holds.
     *
     * @param held the study as the index holds it
     * @return this study with every attribute it lacks (null, or empty identifiers) taken from {@code held};
     *         the custodian stays {@code held}'s when it has one
     */
    public Study over(Study held) {
        boolean ownPatient = !patientId.isEmpty();
        return new Study(studyInstanceUid, ownPatient ? patientId : held.patientId,
                ownPatient ? issuerOfPatientId : held.issuerOfPatientId, or(patientName, held.patientName),
                or(patientBirthDate, held.patientBirthDate), or(patientSex, held.patientSex), or(studyDate, held.studyDate),
                or(studyTime, held.studyTime), or(accessionNumber, held.accessionNumber),
                or(accessionNumberIssuer, held.accessionNumberIssuer), or(studyId, held.studyId),
                or(studyDescription, held.studyDescription), or(referringPhysicianName, held.referringPhysicianName),
                or(institutionName, held.institutionName), modalitiesInStudy, sopClassesInStudy, bodyPartsExamined,
                otherPatientIds, numberOfSeries, numberOfInstances,
                held.custodianOrganizationId.isEmpty() ? custodianOrganizationId : held.custodianOrganizationId);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
