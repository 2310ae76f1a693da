package org.imagingexchange.registry.domain;

import java.util.List;
import java.util.Set;

/**
 * A study-level QIDO-RS query (PS3.18 §10.6.1.2, Table 10.6.1-5), parsed and validated.
 *
 * @param patientId         PatientID key (single value or wildcard); null when absent
 * @param patientName       PatientName key (PN, case-insensitive, wildcards); null when absent
 * @param studyDate         StudyDate range; null when absent
 * @param modalitiesInStudy ModalitiesInStudy key values; empty when absent
 * @param studyInstanceUids StudyInstanceUID list of UIDs; empty when absent
 * @param accessionNumber   AccessionNumber key; null when absent
 * @param fields            includefield selection
 * @param paging            offset and limit
 */
public record StudyQuery(String patientId, String patientName, DateRange studyDate, List<String> modalitiesInStudy,
                         Set<String> studyInstanceUids, String accessionNumber, FieldSelection fields, Paging paging) {

    /** Compact constructor: copies collections. */
    public StudyQuery {
        modalitiesInStudy = List.copyOf(modalitiesInStudy);
        studyInstanceUids = Set.copyOf(studyInstanceUids);
    }

    /**
     * @param patientId Patient ID; not null
     * @return a query for all studies of one patient (exact Patient ID), default paging
     */
    public static StudyQuery forPatient(String patientId) {
        return new StudyQuery(patientId.replace("*", "").replace("?", ""), null, null, List.of(), Set.of(), null,
                FieldSelection.DEFAULT, Paging.DEFAULT);
    }

    /**
     * @return the Patient ID when the key is a plain value the index can look up exactly; null otherwise
     */
    public String exactPatientId() {
        return patientId == null || patientId.isEmpty() || patientId.contains("*") || patientId.contains("?")
                ? null : patientId.strip();
    }
}
