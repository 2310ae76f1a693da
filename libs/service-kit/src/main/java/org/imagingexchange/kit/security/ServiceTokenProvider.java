package org.imagingexchange.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own access token, obtained by the OAuth 2.0 client-credentials grant (RFC 6749
 * §4.4) from the Keycloak token endpoint and cached until shortly before it expires. Used for
 * service-to-service calls (consent decisions, audit ingest, study location). Thread-safe.
 *
 * <p>Configuration: {@code exchange.oauth.token-url}, {@code exchange.oauth.client-id},
 * {@code exchange.oauth.client-secret} (env {@code EXCHANGE_OAUTH_TOKEN_URL}, ...).
 */
@ApplicationScoped
public class ServiceTokenProvider {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader for the provider on every call. */
    private static final JsonProvider JSON_PROVIDER = JsonProvider.provider();

    /** A cached token is renewed this long before its {@code expires_in} runs out. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();

    @Inject
    @ConfigProperty(name = "exchange.oauth.token-url")
    String tokenUrl;

    @Inject
    @ConfigProperty(name = "exchange.oauth.client-id", defaultValue = "exchange-platform")
    String clientId;

    @Inject
    @ConfigProperty(name = "exchange.oauth.client-secret")
    String clientSecret;

    private String token;
    private Instant renewAt = Instant.EPOCH;

    /**
     * @return a valid bearer access token (without the {@code Bearer } prefix)
     * @throws ServiceTokenUnavailableException (503) when the token endpoint fails or cannot be reached
     */
    public synchronized String accessToken() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ServiceTokenUnavailableException("Token endpoint answered HTTP " + response.statusCode(), null);
            }
            try (JsonReader reader = JSON_PROVIDER.createReader(new StringReader(response.body()))) {
                JsonObject body = reader.readObject();
                token = body.getString("access_token");
                long expiresIn = body.getJsonNumber("expires_in").longValue();
                renewAt = clock.instant().plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
            }
        } catch (IOException e) {
            throw new ServiceTokenUnavailableException("Token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailableException("Interrupted while fetching a service token", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
