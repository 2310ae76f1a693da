package org.imagingexchange.retrieval.domain;

import java.util.List;

/**
 * Where a study lives and whose it is, as the study registry answers it.
 *
 * @param studyInstanceUid        Study Instance UID (eHN A.1.8.10 / B.1.1)
 * @param patientId               Patient ID (0010,0020); never null
 * @param patientIdIssuer         Issuer of Patient ID (0010,0021); empty when unknown
 * @param custodianOrganizationId organisation holding the study (eHN B.1.3); empty when unknown
 * @param endpoints               retrieval endpoints, in the registry's order of preference; may be empty
 */
public record StudyLocation(String studyInstanceUid, String patientId, String patientIdIssuer,
                            String custodianOrganizationId, List<StudyEndpoint> endpoints) {

    /** Compact constructor: null strings become empty, endpoints an immutable copy. */
    public StudyLocation {
        patientId = patientId == null ? "" : patientId;
        patientIdIssuer = patientIdIssuer == null ? "" : patientIdIssuer;
        custodianOrganizationId = custodianOrganizationId == null ? "" : custodianOrganizationId;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }
}
