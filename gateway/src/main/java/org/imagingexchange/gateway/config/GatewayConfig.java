package org.imagingexchange.gateway.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.imagingexchange.gateway.domain.Admission;
import org.imagingexchange.gateway.domain.Backend;
import org.imagingexchange.gateway.domain.CorsPolicy;
import org.imagingexchange.gateway.domain.RateLimits;

/**
 * The gateway's configuration, read once from MicroProfile Config (every key also as an environment
 * variable, e.g. {@code EXCHANGE_REGISTRY_URL}). Invalid values do not stop the application: they are
 * listed by {@link #errors()}, the readiness check reports them, and the affected routes answer 503.
 *
 * <ul>
 *   <li>{@code exchange.registry.url}, {@code exchange.retrieval.url}, {@code exchange.reports.url},
 *       {@code exchange.consent.url}, {@code exchange.audit.url}: service base URLs (default
 *       {@code http://127.0.0.1:9080/<context-root>})</li>
 *   <li>{@code exchange.gateway.max-body-bytes}: largest request body accepted, bytes (default 10 MiB)</li>
 *   <li>{@code exchange.gateway.cors-origins}: comma-separated allowed browser origins (default none)</li>
 *   <li>{@code exchange.gateway.connect-timeout-seconds} (default 5) and
 *       {@code exchange.gateway.upstream-timeout-seconds}: longest wait for a service's response head and
 *       between two reads of its body (default 120)</li>
 *   <li>{@code exchange.gateway.max-connections}: pooled connections to the services (default 256)</li>
 *   <li>{@code exchange.gateway.rate-limit.per-second} (default 500; 0 = off) and
 *       {@code exchange.gateway.rate-limit.burst} (default 1000): requests per second and at once per caller
 *       (OAuth client and subject), and {@code exchange.gateway.rate-limit.clients}: budgets of particular
 *       OAuth clients, comma-separated {@code client-id:per-second:burst} (default none), see {@link RateLimits}</li>
 *   <li>{@code exchange.gateway.max-in-flight} (default 16 per CPU core; 0 = no limit): searches, reads and writes
 *       forwarded at once; {@code exchange.gateway.max-in-flight-retrieval} (default 128 per CPU core): WADO-RS
 *       retrievals forwarded at once (byte streams, bound by I/O and the client's pace rather than by CPU, so
 *       they have their own, larger, budget); {@code exchange.gateway.max-queued} (default 2000) and
 *       {@code exchange.gateway.max-queue-wait-seconds} (default 60) for each: admission control, see
 *       {@link Admission}</li>
 *   <li>{@code exchange.gateway.smart-scopes}: {@code required} (default: every request needs a SMART scope that
 *       grants what its route does, besides the route's role) or {@code off} (roles only, for identity providers
 *       that issue no SMART scopes)</li>
 *   <li>{@code exchange.gateway.access-log}: one log line per request with route, status, duration, client,
 *       subject and token id ({@code jti}) (default {@code true})</li>
 *   <li>{@code exchange.gateway.hsts-max-age-seconds}: {@code Strict-Transport-Security} max-age sent on responses
 *       to requests that reached the platform over HTTPS (default one year; 0 = no header)</li>
 *   <li>{@code oidc.issuer}, {@code oidc.jwks.uri}, {@code exchange.gateway.audience}: token verification
 *       (issuer of the {@code imaging} realm, its JWKS URL, the required {@code aud})</li>
 * </ul>
 */
@ApplicationScoped
public class GatewayConfig {

    /** Default body limit: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    @Inject
    Config config;

    private final Map<Backend, URI> backends = new EnumMap<>(Backend.class);
    private final List<String> errors = new ArrayList<>();
    private long maxBodyBytes;
    private CorsPolicy cors;
    private Duration connectTimeout;
    private Duration upstreamTimeout;
    private int maxConnections;
    private String issuer;
    private URI jwksUri;
    private String audience;
    private RateLimits rateLimits;
    private boolean scopesRequired;
    private Admission admission;
    private Admission retrievalAdmission;
    private boolean accessLog;
    private long hstsMaxAgeSeconds;

    @PostConstruct
    void load() {
        for (Backend b : Backend.values()) {
            String value = text(b.configKey(), "http://127.0.0.1:9080" + b.contextRoot());
            httpUrl(b.configKey(), value).ifPresent(u -> backends.put(b, u));
        }
        maxBodyBytes = positive("exchange.gateway.max-body-bytes", DEFAULT_MAX_BODY_BYTES);
        cors = new CorsPolicy(Arrays.asList(text("exchange.gateway.cors-origins", "").split(",")));
        connectTimeout = Duration.ofSeconds(positive("exchange.gateway.connect-timeout-seconds", 5));
        upstreamTimeout = Duration.ofSeconds(positive("exchange.gateway.upstream-timeout-seconds", 120));
        maxConnections = (int) Math.min(Integer.MAX_VALUE, positive("exchange.gateway.max-connections", 256));
        issuer = text("oidc.issuer", "http://127.0.0.1:8180/realms/imaging");
        httpUrl("oidc.issuer", issuer);
        jwksUri = httpUrl("oidc.jwks.uri", text("oidc.jwks.uri", issuer + "/protocol/openid-connect/certs")).orElse(null);
        audience = text("exchange.gateway.audience", "imaging-exchange");
        java.util.Map<String, RateLimits.Budget> clientBudgets = java.util.Map.of();
        try {
            clientBudgets = RateLimits.parseClientBudgets(text("exchange.gateway.rate-limit.clients", ""));
        } catch (IllegalArgumentException e) {
            errors.add("exchange.gateway.rate-limit.clients: " + e.getMessage());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int queued = (int) Math.min(Integer.MAX_VALUE, nonNegative("exchange.gateway.max-queued", 2000));
        long waitMillis = 1000 * nonNegative("exchange.gateway.max-queue-wait-seconds", 60);
        admission = new Admission((int) Math.min(Integer.MAX_VALUE,
                nonNegative("exchange.gateway.max-in-flight", 16L * cores)), queued, waitMillis);
        retrievalAdmission = new Admission((int) Math.min(Integer.MAX_VALUE,
                nonNegative("exchange.gateway.max-in-flight-retrieval", 128L * cores)), queued, waitMillis);
        String scopes = text("exchange.gateway.smart-scopes", "required");
        scopesRequired = !"off".equalsIgnoreCase(scopes);
        if (scopesRequired && !"required".equalsIgnoreCase(scopes)) {
            errors.add("exchange.gateway.smart-scopes must be 'required' or 'off', was '" + scopes + "'");
        }
        accessLog = !"false".equalsIgnoreCase(text("exchange.gateway.access-log", "true"));
        hstsMaxAgeSeconds = nonNegative("exchange.gateway.hsts-max-age-seconds", 31_536_000L);
        rateLimits = new RateLimits(new RateLimits.Budget(nonNegative("exchange.gateway.rate-limit.per-second", 500),
                positive("exchange.gateway.rate-limit.burst", 1000)), clientBudgets);
    }

    /**
     * @param backend the service a request goes to
     * @return the admission control of requests to it: retrievals have their own; never null
     */
    public Admission admission(Backend backend) {
        return backend == Backend.RETRIEVAL ? retrievalAdmission : admission;
    }

    /** @return true when every request needs a SMART scope granting its route's access (the default) */
    public boolean scopesRequired() {
        return scopesRequired;
    }

    /** @return true when each request is logged with its token id */
    public boolean accessLog() {
        return accessLog;
    }

    /** @return HSTS max-age for responses to HTTPS requests, seconds; 0 when no header is sent */
    public long hstsMaxAgeSeconds() {
        return hstsMaxAgeSeconds;
    }

    /** @return the per-caller request budgets; never null */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * @param backend a service
     * @return its base URL; empty when its configured value is invalid
     */
    public Optional<URI> baseUrl(Backend backend) {
        return Optional.ofNullable(backends.get(backend));
    }

    /** @return largest accepted request body, in bytes; positive */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @return the CORS policy; never null */
    public CorsPolicy cors() {
        return cors;
    }

    /** @return connect timeout toward the services */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return longest wait for a service's response head, and between two reads of its body (a body may stream for long) */
    public Duration upstreamTimeout() {
        return upstreamTimeout;
    }

    /** @return most pooled connections to the services (per service and in total) */
    public int maxConnections() {
        return maxConnections;
    }

    /** @return required {@code iss} of access tokens */
    public String issuer() {
        return issuer;
    }

    /** @return JWKS URL of the realm; null when misconfigured */
    public URI jwksUri() {
        return jwksUri;
    }

    /** @return required {@code aud} of access tokens */
    public String audience() {
        return audience;
    }

    /** @return what is wrong with the configuration; empty when valid */
    public List<String> errors() {
        return Collections.unmodifiableList(errors);
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(fallback);
    }

    private long positive(String key, long fallback) {
        String value = text(key, Long.toString(fallback));
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(key + " must be a positive integer, was '" + value + "'");
        return fallback;
    }

    private long nonNegative(String key, long fallback) {
        String value = text(key, Long.toString(fallback));
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(key + " must be 0 or a positive integer, was '" + value + "'");
        return fallback;
    }

    private Optional<URI> httpUrl(String key, String value) {
        try {
            URI u = new URI(value);
            if (u.isAbsolute() && u.getHost() != null
                    && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getRawQuery() == null && u.getRawFragment() == null) {
                return Optional.of(u);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        errors.add(key + " must be an absolute http(s) URL without query, was '" + value + "'");
        return Optional.empty();
    }
}
