package org.imagingexchange.consent.client;

/**
 * The question asked of the consent service: may this requester see this patient's data of this
 * class, held by this custodian, for this purpose?
 *
 * @param patientId              Patient ID (0010,0020) / FHIR Patient.identifier.value; required
 * @param patientIdIssuer        Issuer of Patient ID (0010,0021) / identifier.system; empty when unknown
 * @param requesterOrganizationId organisation of the requester (token {@code organization_id}); may be empty
 * @param requesterCountry       ISO 3166-1 alpha-2 of the requester; may be empty
 * @param requesterId            user or client id of the requester, for the audit trail
 * @param purposeOfUse           HL7 v3 PurposeOfUse code (TREAT, ETREAT for break-the-glass, ...)
 * @param dataClass              what is asked for
 * @param custodianOrganizationId organisation that holds the data in its own archive (eHN B.1.3 / A.1.8.6)
 */
public record ConsentRequest(String patientId, String patientIdIssuer, String requesterOrganizationId,
                             String requesterCountry, String requesterId, String purposeOfUse,
                             DataClass dataClass, String custodianOrganizationId) {
}
