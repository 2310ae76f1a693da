package org.imagingexchange.retrieval.integration;

import java.util.List;

/**
 * JSON-B shape of the registry's study location answer.
 *
 * @param studyInstanceUid        Study Instance UID
 * @param patientId               Patient ID (0010,0020)
 * @param patientIdIssuer         Issuer of Patient ID (0010,0021); may be null
 * @param custodianOrganizationId custodian organisation (eHN B.1.3); may be null
 * @param endpoints               WADO-RS endpoints; may be null
 */
public record StudyLocationDocument(String studyInstanceUid, String patientId, String patientIdIssuer,
                                    String custodianOrganizationId, List<Endpoint> endpoints) {

    /**
     * One retrieval endpoint.
     *
     * @param sourceId source archive id, e.g. {@code hospital-a}
     * @param address  WADO-RS base URL
     */
    public record Endpoint(String sourceId, String address) {
    }
}
