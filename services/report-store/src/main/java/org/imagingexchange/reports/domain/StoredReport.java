package org.imagingexchange.reports.domain;

import java.time.Instant;
import java.util.List;

/**
 * One stored imaging report version.
 *
 * @param id                    server-assigned logical id (FHIR id, UUID)
 * @param versionId             version, starting at 1 (FHIR meta.versionId)
 * @param status                DiagnosticReport.status code (A.1.8.2)
 * @param patient               A.1.1 patient identifier
 * @param studyInstanceUids     A.1.8.10 linked studies; at least one
 * @param accessionNumbers      A.1.8.11; may be empty
 * @param issued                DiagnosticReport.issued; may be null when only effective[x] was given
 * @param authorOrganizationId  custodian of the report (A.1.8.6): organisation of the submitting client
 * @param createdBy             username (or subject) of the submitter
 * @param lastUpdated           when this version was stored (FHIR meta.lastUpdated)
 * @param resourceJson          the FHIR R4 DiagnosticReport JSON as stored (meta set)
 */
public record StoredReport(String id, int versionId, String status, PatientIdentifier patient,
                           List<StudyInstanceUid> studyInstanceUids, List<String> accessionNumbers, Instant issued,
                           String authorOrganizationId, String createdBy, Instant lastUpdated, String resourceJson) {

    /** Compact constructor: lists become immutable copies. */
    public StoredReport {
        studyInstanceUids = List.copyOf(studyInstanceUids);
        accessionNumbers = accessionNumbers == null ? List.of() : List.copyOf(accessionNumbers);
    }
}
