package org.imagingexchange.registry.domain;

/**
 * Who asks, as far as consent decisions need it (from the verified token; IHE IUA).
 *
 * @param organizationId requesting organisation; empty when none
 * @param country        ISO 3166-1 alpha-2; empty when none
 * @param id             user name, client id or subject, for the consent audit trail
 * @param purposeOfUse   HL7 v3 PurposeOfUse code, e.g. TREAT; empty when none
 */
public record Requester(String organizationId, String country, String id, String purposeOfUse) {
}
