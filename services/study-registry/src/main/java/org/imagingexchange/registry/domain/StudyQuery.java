package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Set;

/**
 * A study-level QIDO-RS query (PS3.18 §10.6.1.2, Table 10.6.1-5), parsed and validated. Text keys may
 * hold the wildcards {@code *} and {@code ?} (PS3.4 C.2.2.2.4); null means universal matching.
 *
 * @param patientId              PatientID key; matches any identifier of the patient; null when absent
 * @param issuerOfPatientId      IssuerOfPatientID key (exact); null when absent
 * @param patientName            PatientName key (PN: case- and accent-insensitive, any component group)
 * @param fuzzy                  {@code fuzzymatching=true}: PatientName and ReferringPhysicianName tokens
 *                               match name components by prefix, in any order
 * @param studyDate              StudyDate range; null when absent
 * @param studyTime              StudyTime range; null when absent
 * @param modalitiesInStudy      ModalitiesInStudy key values (any matches); empty when absent
 * @param studyInstanceUids      StudyInstanceUID list of UIDs; empty when absent
 * @param accessionNumber        AccessionNumber key; null when absent
 * @param referringPhysicianName ReferringPhysicianName key (PN); null when absent
 * @param studyId                StudyID key; null when absent
 * @param bodyPartsExamined      Body Part Examined (0018,0015) codes of any series (any matches, exact; FHIR
 *                               {@code bodysite}); empty when absent
 * @param fields                 includefield selection
 * @param paging                 offset and limit (applied after consent)
 */
public record StudyQuery(String patientId, String issuerOfPatientId, String patientName, boolean fuzzy,
                         DateRange studyDate, TimeRange studyTime, List<String> modalitiesInStudy,
                         Set<String> studyInstanceUids, String accessionNumber, String referringPhysicianName,
                         String studyId, List<String> bodyPartsExamined, FieldSelection fields, Paging paging) {

    /** Compact constructor: copies collections; empty text keys become universal (null). */
    public StudyQuery {
        modalitiesInStudy = List.copyOf(modalitiesInStudy);
        bodyPartsExamined = bodyPartsExamined == null ? List.of() : List.copyOf(bodyPartsExamined);
        studyInstanceUids = Set.copyOf(studyInstanceUids);
        patientId = blankToNull(patientId);
        issuerOfPatientId = blankToNull(issuerOfPatientId);
        patientName = blankToNull(patientName);
        accessionNumber = blankToNull(accessionNumber);
        referringPhysicianName = blankToNull(referringPhysicianName);
        studyId = blankToNull(studyId);
    }

    /**
     * @param identifier one identifier of the patient (exact; an empty issuer matches any issuer)
     * @param paging     offset and limit
     * @return a query for all studies of that patient
     */
    public static StudyQuery forPatient(PatientIdentifier identifier, Paging paging) {
        return new StudyQuery(identifier.value().replace("*", "").replace("?", ""),
                identifier.issuer().isEmpty() ? null : identifier.issuer(), null, false, null, null, List.of(),
                Set.of(), null, null, null, List.of(), FieldSelection.DEFAULT, paging);
    }

    /** @return this query without its PatientName key (and not fuzzy), every other key and the paging kept */
    public StudyQuery withoutPatientName() {
        return new StudyQuery(patientId, issuerOfPatientId, null, false, studyDate, studyTime, modalitiesInStudy,
                studyInstanceUids, accessionNumber, referringPhysicianName, studyId, bodyPartsExamined, fields, paging);
    }

    /** @return true when a text key holds a wildcard ({@code *} or {@code ?}) */
    public static boolean hasWildcard(String key) {
        return key != null && (key.indexOf('*') >= 0 || key.indexOf('?') >= 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
