package org.imagingexchange.reports.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * Typed configuration of the report store. Keys (env var in upper case with underscores):
 * {@code exchange.reports.search.default-count} (default 20) and {@code exchange.reports.search.max-count}
 * (default 100): page size of a DiagnosticReport search when {@code _count} is absent, and its upper bound;
 * {@code exchange.public-fhir-base} (default {@code http://127.0.0.1:8080/fhir}): the platform's public FHIR
 * base, for {@code Location}, {@code Bundle.entry.fullUrl} and {@code Bundle.link} (see {@link FhirBase}).
 *
 * <p>HL7 v2 intake: {@code exchange.reports.mllp.port} (default 2575, the IANA port of HL7 MLLP; 0 or
 * negative disables the listener), {@code exchange.reports.mllp.host} (bind address, default {@code 0.0.0.0}),
 * {@code exchange.reports.mllp.max-connections} (default 32), {@code exchange.reports.mllp.idle-timeout-seconds}
 * (default 300), {@code exchange.reports.mllp.max-message-bytes} (default 16777216);
 * {@code exchange.reports.hl7v2.facilities}: which organisation a sending facility (MSH-4) reports for over
 * MLLP, {@code MSH-4=organisation} pairs separated by commas, MSH-4 as sent with its components joined by
 * {@code ^} (e.g. {@code HOSPITAL_A=hospital-a,RIS_B^2.25.7^ISO=hospital-b}; empty: every MLLP message is
 * refused with AR); {@code exchange.reports.hl7v2.processing-ids} (accepted MSH-11 values, default {@code P});
 * {@code exchange.reports.hl7v2.time-zone} (zone of HL7 timestamps sent without offset, default {@code UTC}).
 */
@ApplicationScoped
public class ReportStoreConfig {

    @Inject
    @ConfigProperty(name = "exchange.reports.search.default-count", defaultValue = "20")
    int defaultCount;

    @Inject
    @ConfigProperty(name = "exchange.reports.search.max-count", defaultValue = "100")
    int maxCount;

    @Inject
    @ConfigProperty(name = FhirBase.CONFIG_KEY, defaultValue = FhirBase.DEFAULT_URL)
    String publicFhirBaseUrl;

    @Inject
    @ConfigProperty(name = "exchange.reports.mllp.port", defaultValue = "2575")
    int mllpPort;

    @Inject
    @ConfigProperty(name = "exchange.reports.mllp.host", defaultValue = "0.0.0.0")
    String mllpHost;

    @Inject
    @ConfigProperty(name = "exchange.reports.mllp.max-connections", defaultValue = "32")
    int mllpMaxConnections;

    @Inject
    @ConfigProperty(name = "exchange.reports.mllp.idle-timeout-seconds", defaultValue = "300")
    int mllpIdleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "exchange.reports.mllp.max-message-bytes", defaultValue = "16777216")
    int mllpMaxMessageBytes;

    @Inject
    @ConfigProperty(name = "exchange.reports.hl7v2.facilities")
    Optional<String> facilities;

    @Inject
    @ConfigProperty(name = "exchange.reports.hl7v2.processing-ids", defaultValue = "P")
    String processingIds;

    @Inject
    @ConfigProperty(name = "exchange.reports.hl7v2.time-zone", defaultValue = "UTC")
    String timeZone;

    private FhirBase publicFhirBase;
    private Map<String, String> facilityOrganizations;

    /**
     * Reads the public FHIR base once.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL (the message names the key)
     */
    @PostConstruct
    void init() {
        publicFhirBase = new FhirBase(publicFhirBaseUrl);
        facilityOrganizations = parseFacilities(facilities.orElse(""));
    }

    /**
     * @param text {@code MSH-4=organisation} pairs separated by commas; blank for none
     * @return MSH-4 text to organisation id
     * @throws IllegalArgumentException when a pair has no {@code =} or an empty side (the message names the key)
     */
    static Map<String, String> parseFacilities(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text == null ? new String[0] : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1 || pair.substring(0, eq).isBlank() || pair.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("exchange.reports.hl7v2.facilities: '" + pair.trim()
                        + "' is not MSH-4=organisation");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Map.copyOf(map);
    }

    /** @return the MLLP listener's TCP port; 0 or negative when disabled */
    public int mllpPort() {
        return mllpPort;
    }

    /** @return the MLLP listener's bind address */
    public String mllpHost() {
        return mllpHost;
    }

    /** @return MLLP connections served at once; more wait in the accept backlog */
    public int mllpMaxConnections() {
        return Math.max(1, mllpMaxConnections);
    }

    /** @return seconds an MLLP connection may stay silent before it is closed */
    public int mllpIdleTimeoutSeconds() {
        return mllpIdleTimeoutSeconds;
    }

    /** @return largest MLLP frame accepted (bytes); a larger one closes the connection */
    public int mllpMaxMessageBytes() {
        return mllpMaxMessageBytes;
    }

    /**
     * @param sendingFacility MSH-4 as sent, components joined by {@code ^}
     * @return the organisation configured for it; empty when none
     */
    public Optional<String> facilityOrganization(String sendingFacility) {
        return Optional.ofNullable(facilityOrganizations.get(sendingFacility));
    }

    /** @return accepted MSH-11 processing ids */
    public Set<String> processingIds() {
        return Arrays.stream(processingIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** @return zone of HL7 timestamps sent without UTC offset */
    public ZoneId timeZone() {
        return ZoneId.of(timeZone.trim());
    }

    /** @return page size when {@code _count} is absent (number of reports) */
    public int defaultCount() {
        return defaultCount;
    }

    /** @return largest page size served; larger {@code _count} values are lowered to it (number of reports) */
    public int maxCount() {
        return maxCount;
    }

    /** @return the platform's public FHIR base (never null) */
    public FhirBase publicFhirBase() {
        return publicFhirBase;
    }
}
