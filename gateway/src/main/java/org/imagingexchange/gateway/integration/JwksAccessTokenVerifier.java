package org.imagingexchange.gateway.integration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imagingexchange.gateway.config.GatewayConfig;
import org.imagingexchange.gateway.domain.AccessTokenVerifier;
import org.imagingexchange.gateway.domain.Caller;
import org.imagingexchange.gateway.domain.SmartScopes;
import org.imagingexchange.gateway.domain.InvalidBearerTokenException;
import org.imagingexchange.gateway.domain.TokenKeysUnavailableException;

/**
 * Verifies access tokens of the {@code imaging} realm with Nimbus JOSE+JWT: JWS signature (asymmetric
 * algorithms only) against the realm's JWKS, fetched and cached by Nimbus (refreshed on an unknown
 * {@code kid}, rate limited), then RFC 7519 claims: {@code iss} equal to {@code oidc.issuer}, {@code aud}
 * containing {@code exchange.gateway.audience}, {@code exp} in the future (30 s clock skew), {@code nbf}.
 * Roles come from the {@code groups} claim, SMART resource scopes from {@code scope} ({@link SmartScopes}), the
 * token id from {@code jti} and a patient's context from {@code patient_id}. Thread-safe.
 */
@ApplicationScoped
public class JwksAccessTokenVerifier implements AccessTokenVerifier {

    /** Clock skew allowed on {@code exp}/{@code nbf}, seconds (same as the services' MP JWT). */
    static final int CLOCK_SKEW_SECONDS = 30;

    /** How long fetched keys are used before they are fetched again, minutes. */
    static final int CACHE_MINUTES = 5;

    /** Fewest seconds between two fetches of the keys caused by unknown {@code kid}s. */
    static final int MIN_REFRESH_SECONDS = 30;

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    @Inject
    GatewayConfig config;

    private JWKSource<SecurityContext> keys;
    private DefaultJWTProcessor<SecurityContext> processor;

    /** For CDI. */
    public JwksAccessTokenVerifier() {
    }

    /**
     * For tests and non-CDI use.
     *
     * @param keys     the verification keys
     * @param issuer   required {@code iss}
     * @param audience required {@code aud} member
     */
    public JwksAccessTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
        init(keys, issuer, audience);
    }

    @PostConstruct
    void configure() {
        if (config.jwksUri() == null) {
            return; // reported by GatewayConfig.errors(); verify() answers 503
        }
        try {
            init(remoteKeys(config.jwksUri().toURL(), new DefaultResourceRetriever(5_000, 5_000, 512 * 1024)),
                    config.issuer(), config.audience());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("oidc.jwks.uri is not a URL: " + config.jwksUri(), e);
        }
    }

    /**
     * The realm's keys as the gateway reads them: fetched from the JWKS URL and cached; a token naming an
     * unknown {@code kid} triggers at most one refetch per {@value #MIN_REFRESH_SECONDS} s (key rotation is
     * picked up without a restart; a flood of forged {@code kid}s does not turn into a flood of fetches).
     *
     * @param jwks      the realm's JWKS URL
     * @param retriever how the document is fetched (timeouts, size limit)
     * @return the key source
     */
    public static JWKSource<SecurityContext> remoteKeys(java.net.URL jwks, ResourceRetriever retriever) {
        return JWKSourceBuilder.create(jwks, retriever)
                .cache(CACHE_MINUTES * 60_000L, 15_000)
                .rateLimited(MIN_REFRESH_SECONDS * 1000L)
                .refreshAheadCache(false)
                .build();
    }

    private void init(JWKSource<SecurityContext> keySource, String issuer, String audience) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keySource));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), Set.of());
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(claims);
        this.keys = keySource;
        this.processor = p;
    }

    @Override
    public Caller verify(String token) {
        if (processor == null) {
            throw new TokenKeysUnavailableException(new IllegalStateException("oidc.jwks.uri is not configured"));
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidBearerTokenException("The access token is not a well-formed JWT.", e);
        } catch (RateLimitReachedException e) {
            // An unknown kid within the refetch interval: the keys are there, the token's key is not one of them.
            throw new InvalidBearerTokenException(
                    "The access token's signature is invalid or not made with a key of the realm.", e);
        } catch (KeySourceException e) {
            throw new TokenKeysUnavailableException(e);
        } catch (BadJWTException e) {
            throw new InvalidBearerTokenException(claimsDetail(e.getMessage()), e);
        } catch (BadJOSEException e) {
            throw new InvalidBearerTokenException(
                    "The access token's signature is invalid or not made with a key of the realm.", e);
        } catch (JOSEException e) {
            throw new InvalidBearerTokenException("The access token could not be verified.", e);
        }
        return new Caller(claims.getSubject(), string(claims, "preferred_username"), string(claims, "azp"),
                roles(claims), claims.getJWTID(), string(claims, "patient_id"), SmartScopes.parse(string(claims, "scope")));
    }

    @Override
    public boolean keysAvailable() {
        if (keys == null) {
            return false;
        }
        try {
            return !keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).isEmpty();
        } catch (KeySourceException e) {
            return false;
        }
    }

    /** @return a detail naming the failed claim, from Nimbus' message (which carries no token content but iss) */
    static String claimsDetail(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("expired")) {
            return "The access token has expired.";
        }
        if (m.contains("audience") || m.contains("aud")) {
            return "The access token is not issued for this platform (aud).";
        }
        if (m.contains("iss")) {
            return "The access token is issued by another identity provider (iss).";
        }
        if (m.contains("before")) {
            return "The access token is not valid yet (nbf).";
        }
        return "The access token's claims were rejected.";
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static Set<String> roles(JWTClaimsSet claims) {
        try {
            List<String> groups = claims.getStringListClaim("groups");
            return groups == null ? Set.of() : new HashSet<>(groups);
        } catch (ParseException e) {
            return Set.of();
        }
    }
}
