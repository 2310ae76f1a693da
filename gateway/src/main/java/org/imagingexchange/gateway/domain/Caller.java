package org.imagingexchange.gateway.domain;

import java.util.Set;

/**
 * The caller as asserted by a verified access token (IHE IUA; RFC 9068 claims).
 *
 * @param subject  token {@code sub}; may be empty
 * @param username {@code preferred_username}; may be empty
 * @param clientId {@code azp}; may be empty
 * @param roles    realm roles from the {@code groups} claim; never null
 */
public record Caller(String subject, String username, String clientId, Set<String> roles) {

    /** Compact constructor: nulls become empty values. */
    public Caller {
        subject = subject == null ? "" : subject;
        username = username == null ? "" : username;
        clientId = clientId == null ? "" : clientId;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
