package org.imagingexchange.kit.context;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as asserted by a verified Keycloak access token (IHE IUA): the human user or the
 * system (client-credentials service account) and what it acts for.
 *
 * @param subject        token {@code sub}: stable id of the user or service account
 * @param username       {@code preferred_username}
 * @param clientId       {@code azp}: the OAuth client the token was issued to
 * @param organizationId {@code organization_id}: the requesting organisation; empty when none
 * @param country        {@code country}: ISO 3166-1 alpha-2 of the requester; empty when none
 * @param purposeOfUse   {@code purpose_of_use}: HL7 v3 PurposeOfUse code (e.g. TREAT); empty when none
 * @param roles          {@code groups}: realm roles
 * @param patientId      {@code patient_id}: set for patient users only (their own Patient ID)
 */
public record Actor(String subject, String username, String clientId, String organizationId, String country,
                    String purposeOfUse, Set<String> roles, String patientId) {

    /** Compact constructor: null strings become empty, roles become an immutable copy. */
    public Actor {
        subject = nullToEmpty(subject);
        username = nullToEmpty(username);
        clientId = nullToEmpty(clientId);
        organizationId = nullToEmpty(organizationId);
        country = nullToEmpty(country);
        purposeOfUse = nullToEmpty(purposeOfUse);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        patientId = nullToEmpty(patientId);
    }

    /** @return true when the token carries the realm role */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** @return the patient's own identifier for patient users */
    public Optional<String> ownPatientId() {
        return patientId.isEmpty() ? Optional.empty() : Optional.of(patientId);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
