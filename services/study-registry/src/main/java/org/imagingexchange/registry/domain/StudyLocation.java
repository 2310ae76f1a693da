package org.imagingexchange.registry.domain;

import java.util.List;

/**
 * Answer of the location lookup used by the retrieval proxy: whose study it is and where it lives.
 *
 * @param studyInstanceUid        Study Instance UID (eHN B.1.1)
 * @param patientId               Patient ID (0010,0020); empty when unknown
 * @param patientIdIssuer         Issuer of Patient ID (0010,0021); empty when unknown
 * @param custodianOrganizationId custodian organisation (eHN B.1.3)
 * @param endpoints               WADO-RS endpoints (eHN B.1.4.6); never null
 */
public record StudyLocation(String studyInstanceUid, String patientId, String patientIdIssuer,
                            String custodianOrganizationId, List<Endpoint> endpoints) {

    /** Compact constructor: copies the list. */
    public StudyLocation {
        endpoints = List.copyOf(endpoints);
    }
}
