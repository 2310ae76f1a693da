package org.imagingexchange.registry.domain;

/**
 * Who asks, as far as consent decisions need it (from the verified token; IHE IUA).
 *
 * @param organizationId requesting organisation; empty when none
 * @param country        ISO 3166-1 alpha-2; empty when none
 * @param id             user name, client id or subject, for the consent audit trail
 * @param purposeOfUse   HL7 v3 PurposeOfUse code, e.g. TREAT; empty when none
 * @param emergencyAccess true when the caller holds the realm role emergency-access (break-the-glass with ETREAT)
 */
public record Requester(String organizationId, String country, String id, String purposeOfUse,
                        boolean emergencyAccess) {

    /**
     * A requester without the emergency-access role.
     *
     * @param organizationId requesting organisation
     * @param country        its country
     * @param id             user name, client id or subject
     * @param purposeOfUse   HL7 v3 PurposeOfUse code
     */
    public Requester(String organizationId, String country, String id, String purposeOfUse) {
        this(organizationId, country, id, purposeOfUse, false);
    }

    /** @return true when the request is made for emergency treatment (purpose of use ETREAT) */
    public boolean emergencyPurpose() {
        return org.imagingexchange.consent.client.ConsentRequest.PURPOSE_EMERGENCY_TREATMENT.equals(purposeOfUse);
    }
}
