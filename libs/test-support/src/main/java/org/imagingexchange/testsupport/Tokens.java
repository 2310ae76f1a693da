package org.imagingexchange.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from a real Keycloak (by default the test run's: system property {@code it.keycloak.url};
 * realm {@code imaging}) for the demo identities: client credentials for {@code hospital-a},
 * {@code hospital-b}, {@code exchange-platform}; password grant through {@code exchange-cli} for users.
 * Secrets are the documented dev-only ones ({@code <name>-secret}, {@code <name>-pass}). A name may ask for an
 * optional client scope after a {@code +}: {@code clinician-b+break-glass} is clinician-b's token with the
 * {@code break-glass} scope (purpose of use ETREAT).
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Tokens DEFAULT = new Tokens(keycloakUrl());

    private final String baseUrl;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param baseUrl Keycloak base URL, e.g. {@code http://127.0.0.1:8180}
     */
    public Tokens(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the Keycloak base URL of this test run */
    public static String keycloakUrl() {
        return System.getProperty("it.keycloak.url", "http://127.0.0.1:18180");
    }

    /** @return the token endpoint of this Keycloak's imaging realm */
    public String tokenEndpoint() {
        return baseUrl + "/realms/imaging/protocol/openid-connect/token";
    }

    /**
     * @param name a client ({@code hospital-a}, {@code hospital-b}, {@code exchange-platform}) or a
     *             user ({@code radiologist-a}, {@code clinician-b}, {@code auditor}, {@code patient-1ct1})
     * @return a fresh-enough access token from the test run's Keycloak (cached; tokens live 15 minutes)
     * @throws IllegalStateException when Keycloak refuses
     */
    public static String of(String name) {
        return DEFAULT.token(name);
    }

    /**
     * @param name a client or user name, as for {@link #of(String)}
     * @return an access token from this Keycloak (cached per instance)
     * @throws IllegalStateException when Keycloak refuses or cannot be reached
     */
    public String token(String name) {
        return cache.computeIfAbsent(name, this::fetch);
    }

    /**
     * @param name a client or user name
     * @return a new access token, not cached
     * @throws IllegalStateException when Keycloak refuses or cannot be reached
     */
    public String fetch(String name) {
        String[] parts = name.split("\\+", 2);
        String who = parts[0];
        String scope = parts.length > 1 ? "&scope=" + enc(parts[1]) : "";
        boolean client = who.startsWith("hospital-") || who.equals("exchange-platform");
        String form = (client
                ? "grant_type=client_credentials&client_id=" + enc(who) + "&client_secret=" + enc(who + "-secret")
                : "grant_type=password&client_id=exchange-cli&username=" + enc(who) + "&password=" + enc(who + "-pass"))
                + scope;
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + name + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the decoded (unverified) payload of a JWT, for assertions on claims */
    public static JsonObject claims(String token) {
        String payload = token.split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
