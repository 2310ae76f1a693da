package org.imagingexchange.gateway.domain;

import java.util.Set;

/**
 * The caller as asserted by a verified access token (IHE IUA; RFC 9068 claims).
 *
 * @param subject  token {@code sub}; may be empty
 * @param username {@code preferred_username}; may be empty
 * @param clientId {@code azp}; may be empty
 * @param roles    realm roles from the {@code groups} claim; never null
 * @param tokenId  {@code jti} (RFC 7519 §4.1.7), logged with each request; may be empty
 * @param patientId {@code patient_id}: the patient context of a patient's token; empty when none
 * @param scopes   the SMART resource scopes of the {@code scope} claim; never null
 */
public record Caller(String subject, String username, String clientId, Set<String> roles, String tokenId,
        String patientId, SmartScopes scopes) {

    /**
     * A caller without token id, patient context or scopes.
     *
     * @param subject  {@code sub}
     * @param username {@code preferred_username}
     * @param clientId {@code azp}
     * @param roles    realm roles
     */
    public Caller(String subject, String username, String clientId, Set<String> roles) {
        this(subject, username, clientId, roles, "", "", SmartScopes.none());
    }

    /** Compact constructor: nulls become empty values. */
    public Caller {
        subject = subject == null ? "" : subject;
        username = username == null ? "" : username;
        clientId = clientId == null ? "" : clientId;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        tokenId = tokenId == null ? "" : tokenId;
        patientId = patientId == null ? "" : patientId;
        scopes = scopes == null ? SmartScopes.none() : scopes;
    }
}
