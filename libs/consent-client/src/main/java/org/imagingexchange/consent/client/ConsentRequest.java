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
 * @param emergencyAccess        true when the requester holds the realm role {@value #EMERGENCY_ACCESS_ROLE}, as the
 *                               asking service read it from the requester's verified token; together with purpose
 *                               {@value #PURPOSE_EMERGENCY_TREATMENT} it makes the request a break-the-glass request;
 *                               absent in JSON = false (the record has only its canonical constructor, which JSON-B
 *                               binds)
 */
public record ConsentRequest(String patientId, String patientIdIssuer, String requesterOrganizationId,
                             String requesterCountry, String requesterId, String purposeOfUse,
                             DataClass dataClass, String custodianOrganizationId, boolean emergencyAccess) {

    /** HL7 v3 PurposeOfUse {@code TREAT}: treatment. */
    public static final String PURPOSE_TREATMENT = "TREAT";
    /** HL7 v3 PurposeOfUse {@code ETREAT}: emergency treatment (break-the-glass, IHE IUA). */
    public static final String PURPOSE_EMERGENCY_TREATMENT = "ETREAT";
    /** The realm role of users who may break the glass. */
    public static final String EMERGENCY_ACCESS_ROLE = "emergency-access";

    /**
     * @param roles the requester's realm roles from the verified token
     * @return true when they include {@value #EMERGENCY_ACCESS_ROLE}
     */
    public static boolean holdsEmergencyAccess(java.util.Collection<String> roles) {
        return roles != null && roles.contains(EMERGENCY_ACCESS_ROLE);
    }
}
