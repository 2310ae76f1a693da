package org.imagingexchange.consent.client;

/**
 * One consent directive as the permit feed publishes it ({@code GET /api/permits}): who it is about and
 * which requesters it could open data to. A consumer keeps the entries with {@code permit} true (an active
 * PERMIT provision) and drops the directive's earlier entry otherwise. It is a hint for pre-filtering
 * searches, never a decision: every access is still decided by the consent decision point.
 *
 * @param consentId               logical id of the FHIR Consent
 * @param sequence                position in the feed (grows with every change of a directive)
 * @param patientId               Patient ID (Consent.patient identifier value)
 * @param patientIdIssuer         its issuer (identifier system); empty = any issuer
 * @param custodianOrganizationId Consent.organization: only data this organisation holds; null = all data
 * @param organizationId          requesting organisation the provision is limited to; null = any
 * @param country                 ISO 3166-1 alpha-2 country of requesters the provision is limited to; null = any
 * @param dataClass               data class the provision is limited to; null = all
 * @param periodEnd               end of the provision period (ISO 8601 instant); null = open
 * @param permit                  true when the directive is an active PERMIT (false: withdrawn, inactive, a deny)
 */
public record PermitFeedEntry(String consentId, long sequence, String patientId, String patientIdIssuer,
                              String custodianOrganizationId, String organizationId, String country,
                              DataClass dataClass, String periodEnd, boolean permit) {
}
