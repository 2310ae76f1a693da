package org.imagingexchange.gateway.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.imagingexchange.gateway.domain.Caller;
import org.imagingexchange.gateway.domain.InvalidBearerTokenException;
import org.imagingexchange.gateway.domain.TokenKeysUnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwksAccessTokenVerifierTest {

    private static final String ISSUER = "http://127.0.0.1:18180/realms/imaging";
    private static final String AUDIENCE = "imaging-exchange";

    private static RSAKey realmKey;
    private static RSAKey otherKey;
    private static JwksAccessTokenVerifier verifier;

    @BeforeAll
    static void keys() throws JOSEException {
        realmKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        JWKSource<SecurityContext> published = new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK()));
        verifier = new JwksAccessTokenVerifier(published, ISSUER, AUDIENCE);
    }

    private static JWTClaimsSet.Builder claims() {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE, "account")).subject("u-1")
                .claim("preferred_username", "radiologist-a").claim("azp", "exchange-cli")
                .claim("groups", List.of("imaging-reader", "report-reader"))
                .issueTime(new Date(now)).expirationTime(new Date(now + 300_000));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void verify_validToken_callerWithRoles() throws JOSEException {
        Caller caller = verifier.verify(sign(realmKey, claims().build()));

        assertEquals("u-1", caller.subject());
        assertEquals("radiologist-a", caller.username());
        assertEquals("exchange-cli", caller.clientId());
        assertEquals(Set.of("imaging-reader", "report-reader"), caller.roles());
    }

    @Test
    void verify_garbage_401Malformed() {
        InvalidBearerTokenException e = assertThrows(InvalidBearerTokenException.class, () -> verifier.verify("garbage"));

        assertEquals(401, e.status());
        assertTrue(e.detail().contains("well-formed"), e.detail());
    }

    @Test
    void verify_signedByAnotherKey_401Signature() throws JOSEException {
        InvalidBearerTokenException e = assertThrows(InvalidBearerTokenException.class,
                () -> verifier.verify(sign(otherKey, claims().build())));

        assertTrue(e.detail().contains("signature"), e.detail());
    }

    @Test
    void verify_tamperedSignature_401() throws JOSEException {
        String token = sign(realmKey, claims().build());
        char last = token.charAt(token.length() - 5);
        String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);

        assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(tampered));
    }

    @Test
    void verify_tamperedPayload_401() throws JOSEException {
        String[] parts = sign(realmKey, claims().build()).split("\\.");
        String forgedPayload = claims().claim("groups", List.of("auditor")).build().toPayload().toBase64URL().toString();

        assertThrows(InvalidBearerTokenException.class,
                () -> verifier.verify(parts[0] + "." + forgedPayload + "." + parts[2]));
    }

    @Test
    void verify_expired_401Expired() throws JOSEException {
        long past = System.currentTimeMillis() - 120_000;
        String token = sign(realmKey, claims().expirationTime(new Date(past)).build());

        InvalidBearerTokenException e = assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(token));
        assertTrue(e.detail().contains("expired"), e.detail());
    }

    @Test
    void verify_expiredWithinClockSkew_accepted() throws JOSEException {
        String token = sign(realmKey, claims().expirationTime(new Date(System.currentTimeMillis() - 5_000)).build());

        assertEquals("u-1", verifier.verify(token).subject());
    }

    @Test
    void verify_wrongIssuer_401Issuer() throws JOSEException {
        String token = sign(realmKey, claims().issuer("http://127.0.0.1:18180/realms/master").build());

        InvalidBearerTokenException e = assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(token));
        assertTrue(e.detail().contains("iss"), e.detail());
    }

    @Test
    void verify_wrongAudience_401Audience() throws JOSEException {
        String token = sign(realmKey, claims().audience("account").build());

        InvalidBearerTokenException e = assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(token));
        assertTrue(e.detail().contains("aud"), e.detail());
    }

    @Test
    void verify_noExpiry_401() throws JOSEException {
        String token = sign(realmKey, claims().expirationTime(null).build());

        assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(token));
    }

    @Test
    void verify_unsignedOrSymmetric_401() throws JOSEException {
        String plain = new PlainJWT(claims().build()).serialize();
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hs.sign(new MACSigner(realmKey.getModulus().decode()));

        assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(plain), "alg none is refused");
        assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(hs.serialize()),
                "a symmetric signature keyed with public material is refused");
    }

    @Test
    void verify_keysUnreachable_503() throws Exception {
        JWKSource<SecurityContext> failing = (selector, ctx) -> {
            throw new com.nimbusds.jose.KeySourceException("connection refused");
        };
        JwksAccessTokenVerifier offline = new JwksAccessTokenVerifier(failing, ISSUER, AUDIENCE);

        TokenKeysUnavailableException e = assertThrows(TokenKeysUnavailableException.class,
                () -> offline.verify(sign(realmKey, claims().build())));
        assertEquals(503, e.status());
        assertFalse(offline.keysAvailable());
        assertTrue(verifier.keysAvailable());
    }

    @Test
    void verify_notYetValid_401Nbf() throws JOSEException {
        long now = System.currentTimeMillis();
        InvalidBearerTokenException e = assertThrows(InvalidBearerTokenException.class, () -> verifier.verify(
                sign(realmKey, claims().notBeforeTime(new java.util.Date(now + 120_000)).build())));
        assertTrue(e.detail().contains("nbf"), e.detail());
    }

    /**
     * A flood of tokens naming a {@code kid} the realm does not have: every one is refused with 401, and the
     * realm's JWKS is fetched once for the first (refresh on unknown key), not once per token.
     */
    @Test
    void verify_unknownKidRepeated_401EveryTimeWithoutRefetchingPerToken() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        String jwks = new JWKSet(realmKey.toPublicJWK()).toString();
        com.nimbusds.jose.util.ResourceRetriever counting = url -> {
            fetches.incrementAndGet();
            return new com.nimbusds.jose.util.Resource(jwks, "application/json");
        };
        JwksAccessTokenVerifier remote = new JwksAccessTokenVerifier(JwksAccessTokenVerifier.remoteKeys(
                new java.net.URL("http://127.0.0.1:1/realms/imaging/protocol/openid-connect/certs"), counting),
                ISSUER, AUDIENCE);
        assertEquals("radiologist-a", remote.verify(sign(realmKey, claims().build())).username());
        int afterFirst = fetches.get();
        RSAKey forged = new RSAKeyGenerator(2048).keyID("no-such-key").generate();
        String token = sign(forged, claims().build());

        for (int i = 0; i < 500; i++) {
            assertThrows(InvalidBearerTokenException.class, () -> remote.verify(token));
        }

        assertEquals(1, afterFirst, "keys fetched once for the valid token");
        assertTrue(fetches.get() - afterFirst <= 1, "500 unknown-kid tokens caused " + (fetches.get() - afterFirst)
                + " fetches; at most one is allowed within " + JwksAccessTokenVerifier.MIN_REFRESH_SECONDS + " s");
    }
}
