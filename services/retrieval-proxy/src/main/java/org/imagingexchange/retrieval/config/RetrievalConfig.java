package org.imagingexchange.retrieval.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Typed configuration of the retrieval proxy (MicroProfile Config; every key also as an environment
 * variable, upper case with {@code _}, e.g. {@code EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_USERNAME}).
 *
 * <ul>
 * <li>{@code exchange.registry.url}: base URL of the study registry</li>
 * <li>{@code exchange.retrieval.connect-timeout-ms} (default 5000): TCP connect to a source</li>
 * <li>{@code exchange.retrieval.first-byte-timeout-ms} (default 60000): until the source's response head,
 *     and between two reads of its body</li>
 * <li>{@code exchange.retrieval.chunk-bytes} (default 262144): copy buffer per read/write</li>
 * <li>{@code exchange.retrieval.location-ttl-ms} (default 30000; 0 turns the cache off): how long a study's
 *     location from the registry is reused</li>
 * <li>{@code exchange.retrieval.location-cache-size} (default 10000): most study locations kept</li>
 * <li>{@code exchange.retrieval.max-connections} (default 256): pooled connections per source archive</li>
 * <li>{@code exchange.retrieval.dimse.ae-title} (default EXCHANGE): our calling AE title toward DIMSE-only
 *     archives (C-GET)</li>
 * <li>{@code exchange.dimse.read-timeout} (seconds, default 30; env {@code EXCHANGE_DIMSE_READ_TIMEOUT}): longest
 *     silence of a DIMSE-only archive, from the TCP connect and the A-ASSOCIATE-AC to each awaited C-GET
 *     response or instance; longer is a 504 before the first byte, a cut-off response after it</li>
 * <li>{@code exchange.retrieval.source.<sourceId>.username} / {@code .password} (optional): HTTP Basic
 *     credentials for a source archive</li>
 * </ul>
 */
@ApplicationScoped
public class RetrievalConfig {

    /** Prefix of the per-source credential keys. */
    public static final String SOURCE_PREFIX = "exchange.retrieval.source.";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "exchange.registry.url", defaultValue = "http://127.0.0.1:9080/registry")
    String registryUrl;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.connect-timeout-ms", defaultValue = "5000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.first-byte-timeout-ms", defaultValue = "60000")
    long firstByteTimeoutMillis;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.chunk-bytes", defaultValue = "262144")
    int chunkBytes;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.location-ttl-ms", defaultValue = "30000")
    long locationTtlMillis;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.location-cache-size", defaultValue = "10000")
    long locationCacheSize;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.max-connections", defaultValue = "256")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "exchange.retrieval.dimse.ae-title", defaultValue = "EXCHANGE")
    String dimseAeTitle;

    @Inject
    @ConfigProperty(name = "exchange.dimse.read-timeout", defaultValue = "30")
    long dimseReadTimeoutSeconds;

    /** @return our calling AE title toward DIMSE-only archives (C-GET), e.g. {@code EXCHANGE} */
    public String dimseAeTitle() {
        return dimseAeTitle.strip();
    }

    /** @return the longest silence of a DIMSE-only archive on an association (at least 1 s) */
    public Duration dimseReadTimeout() {
        return Duration.ofSeconds(Math.max(1, dimseReadTimeoutSeconds));
    }

    /** @return the study registry's base URL as configured */
    public String registryUrl() {
        return registryUrl;
    }

    /** @return the TCP connect timeout toward source archives */
    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    /** @return the longest wait for a source's response head (time to first byte) */
    public Duration firstByteTimeout() {
        return Duration.ofMillis(firstByteTimeoutMillis);
    }

    /** @return size in bytes of one streamed chunk (at least 4 KiB) */
    public int chunkBytes() {
        return Math.max(4096, chunkBytes);
    }

    /** @return how long a study location is reused; zero when locations are not kept */
    public Duration locationTtl() {
        return Duration.ofMillis(Math.max(0, locationTtlMillis));
    }

    /** @return pooled connections per source archive (at least 1) */
    public int maxConnections() {
        return Math.max(1, maxConnections);
    }

    /** @return the most study locations kept at once (at least 1) */
    public long locationCacheSize() {
        return Math.max(1, locationCacheSize);
    }

    /**
     * @param sourceId the source archive's id from the registry, e.g. {@code hospital-a}
     * @return the source's Basic credentials; empty when no username is configured
     */
    public Optional<SourceCredentials> credentials(String sourceId) {
        String prefix = SOURCE_PREFIX + sourceId + ".";
        return config.getOptionalValue(prefix + "username", String.class)
                .filter(u -> !u.isBlank())
                .map(u -> new SourceCredentials(u, config.getOptionalValue(prefix + "password", String.class).orElse("")));
    }

    /**
     * @return problems with the configuration that make the proxy unable to serve (empty when valid):
     *         the registry URL must be an absolute http(s) URL and the timeouts positive
     */
    public Optional<String> invalidity() {
        try {
            URI uri = URI.create(registryUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.of("exchange.registry.url is not an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("exchange.registry.url is not a URL");
        }
        if (connectTimeoutMillis <= 0 || firstByteTimeoutMillis <= 0) {
            return Optional.of("retrieval timeouts must be positive");
        }
        return Optional.empty();
    }

    /**
     * HTTP Basic credentials of a source archive (RFC 7617).
     *
     * @param username user name; never blank
     * @param password password; may be empty
     */
    public record SourceCredentials(String username, String password) {

        /** Keeps the password out of logs. */
        @Override
        public String toString() {
            return "SourceCredentials[username=" + username + ", password=***]";
        }
    }
}
