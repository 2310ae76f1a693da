package org.imagingexchange.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token edge cases (IHE IUA, RFC 9068, RFC 8725) against the gateway on its own server and the real
 * Keycloak: every token that is not a valid access token of the {@code imaging} realm for this platform
 * gets 401 problem+json with a Bearer challenge, never a 5xx, and never reaches a service. Expiry and
 * {@code nbf} need a signing key and are covered by {@code JwksAccessTokenVerifierTest}.
 */
class GatewayTokenIT {

    private static final String QIDO = "/dicomweb/studies?PatientID=TOKEN-IT";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static EchoBackend backend;

    @BeforeAll
    static void start() throws Exception {
        backend = EchoBackend.startForGateway();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static void assertRefused(String token, String why) {
        HttpResponse<String> r = Http.get(QIDO, token);
        assertEquals(401, r.statusCode(), why + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), why);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), why);
        assertFalse(r.body().contains("Exception") || r.body().contains("at org."), why + ": no internals " + r.body());
    }

    private static String[] parts(String jwt) {
        return jwt.split("\\.");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(parts(jwt)[1]), StandardCharsets.UTF_8);
    }

    @Test
    void validToken_admitted() {
        assertEquals(200, Http.get(QIDO, Tokens.of("radiologist-a")).statusCode());
    }

    @Test
    void noneMalformedAndEmpty_401() {
        assertEquals(401, Http.get(QIDO, null).statusCode());
        assertRefused("not-a-jwt", "malformed");
        assertRefused("a.b.c", "three garbage parts");
        assertRefused("eyJhbGciOiJSUzI1NiJ9..", "empty payload and signature");
    }

    @Test
    void algNone_401() {
        String real = Tokens.of("radiologist-a");
        assertRefused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts(real)[1] + ".", "alg none");
    }

    @Test
    void tamperedClaims_401() {
        String real = Tokens.of("radiologist-a");
        String claims = payload(real).replace("\"imaging-reader\"", "\"platform-admin\"")
                .replace("\"radiologist-a\"", "\"auditor\"");
        assertRefused(parts(real)[0] + "." + b64(claims) + "." + parts(real)[2], "payload changed, signature kept");
    }

    /** RFC 8725 §2.1: HS256 with the realm's public key as the HMAC secret must not verify. */
    @Test
    void hs256SignedWithTheRealmsPublicKey_401() throws Exception {
        JWKSet realm = JWKSet.load(URI.create(Tokens.keycloakUrl() + "/realms/imaging/protocol/openid-connect/certs").toURL());
        RSAKey published = (RSAKey) realm.getKeys().stream().filter(k -> k instanceof RSAKey).findFirst().orElseThrow();
        byte[] secret = published.toRSAPublicKey().getEncoded();
        JWTClaimsSet claims = JWTClaimsSet.parse(payload(Tokens.of("radiologist-a")));
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(), claims);
        forged.sign(new MACSigner(secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32)));
        assertRefused(forged.serialize(), "HS256 with the public key");
    }

    @Test
    void ownKeyWithTheRealmsKid_401() throws Exception {
        JWKSet realm = JWKSet.load(URI.create(Tokens.keycloakUrl() + "/realms/imaging/protocol/openid-connect/certs").toURL());
        String kid = realm.getKeys().get(0).getKeyID();
        RSAKey own = new RSAKeyGenerator(2048).keyID(kid).generate();
        JWTClaimsSet claims = JWTClaimsSet.parse(payload(Tokens.of("radiologist-a")));
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        forged.sign(new RSASSASigner(own));
        assertRefused(forged.serialize(), "signed by a key the realm does not have");
    }

    /** Forged kids many times: 401 every time (the realm's keys are not refetched per token, see the unit test). */
    @Test
    void unknownKidRepeated_401EveryTimeNever5xx() throws Exception {
        RSAKey own = new RSAKeyGenerator(2048).keyID("no-such-key").generate();
        JWTClaimsSet claims = JWTClaimsSet.parse(payload(Tokens.of("radiologist-a")));
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("no-such-key").build(), claims);
        forged.sign(new RSASSASigner(own));
        String token = forged.serialize();
        for (int i = 0; i < 100; i++) {
            assertEquals(401, Http.get(QIDO, token).statusCode(), "attempt " + i);
        }
        assertEquals(200, Http.get(QIDO, Tokens.of("radiologist-a")).statusCode(), "real tokens still admitted");
    }

    /** A token of Keycloak's master realm (another issuer, another key, no audience of this platform). */
    @Test
    void anotherRealmsToken_401() throws Exception {
        assertRefused(token("master", "admin-cli", "admin", "admin"), "master realm");
    }

    /** A real token of the imaging realm, but issued to a client whose tokens are not for this platform. */
    @Test
    void wrongAudience_401NamingAud() throws Exception {
        String token = token("imaging", "admin-cli", "radiologist-a", "radiologist-a-pass");
        assertFalse(payload(token).contains("imaging-exchange"), "admin-cli tokens carry no aud of the platform");
        HttpResponse<String> r = Http.get(QIDO, token);
        assertEquals(401, r.statusCode(), r.body());
        JsonObject problem = Http.problem(r);
        assertTrue(problem.getString("detail").contains("aud"), problem.toString());
    }

    /**
     * A real token of the realm with the route's role but no SMART scope (a client made for this test through
     * Keycloak's admin API, with the platform's audience and role mappers and no client scopes): 403
     * {@code insufficient-scope}, the challenge naming the scopes that would do.
     */
    @Test
    void roleWithoutScope_403InsufficientScope() throws Exception {
        String token = scopelessClientToken();
        assertTrue(payload(token).contains("imaging-reader"), "the client's service account holds the role");
        HttpResponse<String> r = Http.get(QIDO, token);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(Http.problem(r).getString("type").endsWith("insufficient-scope"), r.body());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"insufficient_scope\"")
                && challenge.contains("scope=\"system/ImagingStudy.s user/ImagingStudy.s\""), challenge);
    }

    /** The realm's own clients carry SMART scopes matching their roles, and pass. */
    @Test
    void realmTokens_carrySmartScopes() {
        assertTrue(payload(Tokens.of("hospital-a")).contains("system/ImagingStudy.rs"));
        assertEquals(200, Http.get(QIDO, Tokens.of("hospital-a")).statusCode());
        assertTrue(payload(Tokens.of("clinician-b")).contains("user/ImagingStudy.rs"));
        assertFalse(payload(Tokens.of("clinician-b")).contains("DiagnosticReport.cu"),
                "a scope is granted only with its role");
        assertEquals(200, Http.get(QIDO, Tokens.of("clinician-b")).statusCode());
    }

    private static final String SCOPELESS = "it-scopeless-viewer";

    /** @return a client-credentials token of {@value #SCOPELESS}, creating the client on first use */
    private static String scopelessClientToken() throws Exception {
        String admin = token("master", "admin-cli", "admin", "admin");
        String base = Tokens.keycloakUrl() + "/admin/realms/imaging";
        HttpResponse<String> found = send(admin, "GET", base + "/clients?clientId=" + SCOPELESS, null);
        assertEquals(200, found.statusCode(), found.body());
        if (Http.json(found).asJsonArray().isEmpty()) {
            String client = """
                    {"clientId":"%s","enabled":true,"publicClient":false,"serviceAccountsEnabled":true,
                     "standardFlowEnabled":false,"directAccessGrantsEnabled":false,"secret":"%s-secret",
                     "fullScopeAllowed":true,"defaultClientScopes":[],"optionalClientScopes":[],
                     "protocolMappers":[
                      {"name":"aud","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                       "config":{"included.custom.audience":"imaging-exchange","access.token.claim":"true"}},
                      {"name":"groups","protocol":"openid-connect","protocolMapper":"oidc-usermodel-realm-role-mapper",
                       "config":{"claim.name":"groups","multivalued":"true","access.token.claim":"true"}}]}
                    """.formatted(SCOPELESS, SCOPELESS);
            HttpResponse<String> created = send(admin, "POST", base + "/clients", client);
            assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
            found = send(admin, "GET", base + "/clients?clientId=" + SCOPELESS, null);
            String id = Http.json(found).asJsonArray().getJsonObject(0).getString("id");
            String user = Http.json(send(admin, "GET", base + "/clients/" + id + "/service-account-user", null))
                    .asJsonObject().getString("id");
            String role = send(admin, "GET", base + "/roles/imaging-reader", null).body();
            HttpResponse<String> mapped = send(admin, "POST", base + "/users/" + user + "/role-mappings/realm",
                    "[" + role + "]");
            assertEquals(204, mapped.statusCode(), mapped.body());
        }
        String form = "grant_type=client_credentials&client_id=" + SCOPELESS + "&client_secret=" + SCOPELESS + "-secret";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.keycloakUrl()
                        + "/realms/imaging/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).asJsonObject().getString("access_token");
    }

    private static HttpResponse<String> send(String bearer, String method, String url, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(30));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String realm, String client, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.keycloakUrl() + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "Keycloak token for " + user + "@" + realm + ": " + r.body());
        return Http.json(r).asJsonObject().getString("access_token");
    }
}
