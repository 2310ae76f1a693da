package org.imagingexchange.registry.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * The study registry's configuration (MP Config; every key also as environment variable, e.g.
 * {@code EXCHANGE_REGISTRY_SOURCES}):
 * <ul>
 * <li>{@code exchange.registry.sources}: comma-separated source ids</li>
 * <li>{@code exchange.registry.source.<id>.qido-url|wado-url|username|password|organization-id|ae-title|issuer}
 * ({@code issuer}: Issuer of Patient ID used where the source sends none)</li>
 * <li>{@code exchange.registry.source.<id>.dimse-host|dimse-port} (env {@code EXCHANGE_REGISTRY_SOURCE_<ID>_DIMSE_HOST},
 * {@code _DIMSE_PORT}): the archive's DICOM address; a source with {@code ae-title}, {@code dimse-host} and
 * {@code dimse-port} and no {@code qido-url} is crawled by C-FIND and its studies retrieved by C-GET</li>
 * <li>{@code exchange.dimse.port} (default 11112, 0 = off), {@code exchange.dimse.ae-title} (default EXCHANGE),
 * {@code exchange.dimse.bind-address} (default 0.0.0.0): the C-ECHO / C-STORE SCP; a source with an {@code ae-title}
 * may send (a source with only an AE title and no {@code qido-url} is a C-STORE sender that is not crawled)</li>
 * <li>{@code exchange.dimse.aes}: further calling AE titles (workstations, PACS querying by C-FIND), each with
 * {@code exchange.dimse.ae.<AET>.organization-id} (required) and {@code .country}; see {@link DimseCaller}</li>
 * <li>{@code exchange.dimse.ae.<AET>.host} (default 127.0.0.1 when a port is set) and {@code .port}: the AE's
 * storage SCP, making it a C-MOVE destination (the only ones a C-MOVE may name; others: A801)</li>
 * <li>{@code exchange.retrieval.url}: the retrieval proxy, whose WADO-RS the C-GET and C-MOVE SCP retrieve
 * through</li>
 * <li>{@code exchange.dimse.find.max-matches}: most matches one C-FIND returns (default 1000; more: A701)</li>
 * <li>{@code exchange.dimse.read-timeout} (env {@code EXCHANGE_DIMSE_READ_TIMEOUT}): seconds a DIMSE-only source
 * may stay silent while crawled by C-FIND (connect, A-ASSOCIATE-AC, each response), default 30; longer makes the
 * crawl fail as for an unreachable source</li>
 * <li>{@code exchange.registry.crawl.page-size} (studies per page and per transaction, default 100) and
 * {@code exchange.registry.crawl.parallelism} (requests for the contents of a page's changed studies at once,
 * each for up to 40 studies, default 4)</li>
 * <li>{@code exchange.registry.search.scan-limit}: most index rows one search examines for consent before it
 * answers with what it found (default 20000)</li>
 * <li>{@code exchange.registry.public-wado-base}: the platform's WADO-RS base used in Retrieve URL
 * (0008,1190), default {@code http://127.0.0.1:8080/dicomweb}</li>
 * <li>{@code exchange.public-fhir-base} (env {@code EXCHANGE_PUBLIC_FHIR_BASE}): the platform's public FHIR
 * base for {@code Bundle.entry.fullUrl} and {@code Bundle.link}, default {@code http://127.0.0.1:8080/fhir}
 * (see {@link FhirBase})</li>
 * <li>{@code exchange.registry.crawl-on-start} (default false) and {@code exchange.registry.crawl-interval}
 * (ISO-8601 duration such as {@code PT15M}; empty = no periodic crawl)</li>
 * </ul>
 */
@ApplicationScoped
public class RegistryConfig {

    private static final Logger LOG = Logger.getLogger(RegistryConfig.class.getName());
    private static final String PREFIX = "exchange.registry.";

    @Inject
    Config config;

    private FhirBase publicFhirBase;

    /**
     * Reads the public FHIR base once.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL (the message names the key)
     */
    @PostConstruct
    void init() {
        publicFhirBase = new FhirBase(text(FhirBase.CONFIG_KEY).orElse(FhirBase.DEFAULT_URL));
    }

    /**
     * @return the configured sources in order; a source without {@code qido-url} is skipped and logged
     */
    public List<SourceSettings> sources() {
        List<SourceSettings> out = new ArrayList<>();
        for (String raw : text(PREFIX + "sources").orElse("").split(",")) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            String key = PREFIX + "source." + id + ".";
            Optional<String> qido = text(key + "qido-url").map(RegistryConfig::withoutTrailingSlash);
            Optional<String> ae = text(key + "ae-title");
            if (qido.isEmpty() && ae.isEmpty()) {
                LOG.severe(() -> "source " + id + " has neither " + key + "qido-url nor " + key + "ae-title; ignored");
                continue;
            }
            out.add(new SourceSettings(id, qido.orElse(""),
                    text(key + "wado-url").map(RegistryConfig::withoutTrailingSlash).orElse(qido.orElse("")),
                    text(key + "username").orElse(""), text(key + "password").orElse(""),
                    text(key + "organization-id").orElse(id), text(key + "ae-title").orElse(""),
                    text(key + "issuer").orElse(""), text(key + "dimse-host").orElse(""),
                    port(key + "dimse-port")));
        }
        return out;
    }

    /** @return the platform's public WADO-RS base URL (no trailing slash) for Retrieve URL (0008,1190) */
    public String publicWadoBase() {
        return withoutTrailingSlash(text(PREFIX + "public-wado-base").orElse("http://127.0.0.1:8080/dicomweb"));
    }

    /** @return the platform's public FHIR base (never null) */
    public FhirBase publicFhirBase() {
        return publicFhirBase;
    }

    /** @return true when every source is crawled once at start-up */
    public boolean crawlOnStart() {
        return text(PREFIX + "crawl-on-start").map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * @return the period of scheduled crawls; empty when off or when the value is not an ISO-8601
     *         positive duration (logged)
     */
    public Optional<Duration> crawlInterval() {
        return duration(PREFIX + "crawl-interval");
    }

    /**
     * @param sourceId a configured source
     * @return the period of that source's scheduled crawls ({@code exchange.registry.source.<id>.crawl-interval},
     *         env {@code EXCHANGE_REGISTRY_SOURCE_<ID>_CRAWL_INTERVAL}), else the global one; empty when off
     */
    public Optional<Duration> crawlInterval(String sourceId) {
        Optional<Duration> own = duration(PREFIX + "source." + sourceId + ".crawl-interval");
        return own.isPresent() ? own : crawlInterval();
    }

    private Optional<Duration> duration(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(v.get());
            return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            LOG.severe(() -> key + " '" + v.get() + "' is not an ISO-8601 duration; periodic crawl off");
            return Optional.empty();
        }
    }

    /** @return the registry's DIMSE port ({@code exchange.dimse.port}, default 11112); 0 or less: off */
    public int dimsePort() {
        return bounded("exchange.dimse.port", 11112, -1, 65535);
    }

    /** @return the registry's AE title ({@code exchange.dimse.ae-title}, default {@code EXCHANGE}) */
    public String dimseAeTitle() {
        return text("exchange.dimse.ae-title").orElse("EXCHANGE");
    }

    /** @return the address the DIMSE port listens on ({@code exchange.dimse.bind-address}, default all) */
    public String dimseBindAddress() {
        return text("exchange.dimse.bind-address").orElse("0.0.0.0");
    }

    /**
     * @return the configured calling AE titles with the organisation each acts for, in configuration order;
     *         an AE without {@code organization-id} is skipped and logged
     */
    public List<DimseCaller> dimseCallers() {
        List<DimseCaller> out = new ArrayList<>();
        for (String raw : text("exchange.dimse.aes").orElse("").split(",")) {
            String ae = raw.strip();
            if (ae.isEmpty()) {
                continue;
            }
            String key = "exchange.dimse.ae." + ae + ".";
            Optional<String> organization = text(key + "organization-id");
            if (organization.isEmpty()) {
                LOG.severe(() -> "calling AE " + ae + " has no " + key + "organization-id; it may not associate");
                continue;
            }
            int port = bounded(key + "port", 0, 0, 65535);
            out.add(new DimseCaller(ae, organization.get(), text(key + "country").orElse(""),
                    text(key + "host").orElse(port > 0 ? "127.0.0.1" : ""), port));
        }
        return out;
    }

    /**
     * @return base URL of the retrieval proxy ({@code exchange.retrieval.url}, default
     *         {@code http://127.0.0.1:9080/retrieval}), through whose WADO-RS the C-GET and C-MOVE SCP fetch pixels
     */
    public String retrievalUrl() {
        return withoutTrailingSlash(text("exchange.retrieval.url").orElse("http://127.0.0.1:9080/retrieval"));
    }

    /** @return most instances one C-GET or C-MOVE retrieves, 1..1000000, default 20000 (more: A701) */
    public int dimseRetrieveMaxInstances() {
        return bounded("exchange.dimse.retrieve.max-instances", 20000, 1, 1_000_000);
    }

    /** @return most matches one C-FIND returns, 1..100000, default 1000 */
    public int dimseFindMaxMatches() {
        return bounded("exchange.dimse.find.max-matches", 1000, 1, 100_000);
    }

    /** @return longest silence of a DIMSE-only source on an association, 1..3600 s, default 30 s */
    public Duration dimseReadTimeout() {
        return Duration.ofSeconds(bounded("exchange.dimse.read-timeout", 30, 1, 3600));
    }

    /** @return studies per crawl page (and per index transaction), 10..1000, default 100 */
    public int crawlPageSize() {
        return bounded(PREFIX + "crawl.page-size", 100, 10, 1000);
    }

    /**
     * @return studies per request for a source's study list: the page size times 1..20
     *         ({@code crawl.list-pages}, default 5), committed page by page
     */
    public int crawlListPageSize() {
        return crawlPageSize() * bounded(PREFIX + "crawl.list-pages", 5, 1, 20);
    }

    /** @return requests for study contents (each for a batch of studies) a crawl runs at once, 1..32, default 4 */
    public int crawlParallelism() {
        return bounded(PREFIX + "crawl.parallelism", 4, 1, 32);
    }

    /** @return most index rows one search examines for consent, 1000..1000000, default 20000 */
    public int searchScanLimit() {
        return bounded(PREFIX + "search.scan-limit", 20000, 1000, 1_000_000);
    }

    /**
     * @return milliseconds between polls of the consent permit feed ({@code exchange.registry.consent-feed.interval-ms},
     *         0..3600000, default 2000; 0 = no consent pre-filter)
     */
    public long consentFeedIntervalMs() {
        return bounded(PREFIX + "consent-feed.interval-ms", 2000, 0, 3_600_000);
    }

    /**
     * @return milliseconds after the last successful poll from which searches stop using the pre-filter
     *         ({@code exchange.registry.consent-feed.max-staleness-ms}, 1000..86400000, default 300000)
     */
    public long consentFeedMaxStalenessMs() {
        return bounded(PREFIX + "consent-feed.max-staleness-ms", 300_000, 1000, 86_400_000);
    }

    /** @return a TCP port 1..65535, 0 when absent or invalid (logged) */
    private int port(String key) {
        int p = bounded(key, 0, 0, 65535);
        if (p == 0 && text(key).isPresent()) {
            LOG.severe(() -> key + " is not a TCP port 1-65535; the source has no DICOM address");
        }
        return p;
    }

    private int bounded(String key, int absent, int min, int max) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return absent;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v.get())));
        } catch (NumberFormatException e) {
            LOG.severe(() -> key + " '" + v.get() + "' is not an integer; using " + absent);
            return absent;
        }
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
