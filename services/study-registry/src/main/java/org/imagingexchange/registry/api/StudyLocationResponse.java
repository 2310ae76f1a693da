package org.imagingexchange.registry.api;

import java.util.List;
import org.imagingexchange.registry.domain.StudyLocation;

/**
 * Where a study lives ({@code GET /registry/api/studies/{uid}/location}, JSON-B; contract with the
 * retrieval proxy).
 *
 * @param studyInstanceUid        Study Instance UID (eHN B.1.1)
 * @param patientId               Patient ID
 * @param patientIdIssuer         Issuer of Patient ID; empty when unknown
 * @param custodianOrganizationId custodian organisation (eHN B.1.3)
 * @param endpoints               WADO-RS endpoints (eHN B.1.4.6)
 */
public record StudyLocationResponse(String studyInstanceUid, String patientId, String patientIdIssuer,
                                    String custodianOrganizationId, List<EndpointResponse> endpoints) {

    /**
     * @param sourceId source archive id
     * @param address  WADO-RS base URL of the source
     */
    public record EndpointResponse(String sourceId, String address) {
    }

    /** @return the response form of a location */
    static StudyLocationResponse of(StudyLocation l) {
        return new StudyLocationResponse(l.studyInstanceUid(), l.patientId(), l.patientIdIssuer(),
                l.custodianOrganizationId(), l.endpoints().stream()
                .map(e -> new EndpointResponse(e.sourceId(), e.address())).toList());
    }
}
