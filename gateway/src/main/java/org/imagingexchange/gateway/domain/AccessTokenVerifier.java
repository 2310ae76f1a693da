package org.imagingexchange.gateway.domain;

/**
 * Port: verifies an OAuth 2.0 bearer access token (RFC 6750) of the {@code imaging} realm: JWS
 * signature against the realm's published keys, {@code iss}, {@code aud} and {@code exp}.
 * Implementations are thread-safe.
 */
public interface AccessTokenVerifier {

    /**
     * @param token the compact JWS from the {@code Authorization: Bearer} header, without the scheme
     * @return the caller the token describes
     * @throws InvalidBearerTokenException (401) when the token is malformed, badly signed, expired,
     *                                     or issued by or for someone else
     * @throws TokenKeysUnavailableException (503) when the verification keys cannot be fetched
     */
    Caller verify(String token);

    /** @return true when the verification keys can be had now (readiness) */
    boolean keysAvailable();
}
