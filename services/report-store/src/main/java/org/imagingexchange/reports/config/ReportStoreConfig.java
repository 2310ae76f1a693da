package org.imagingexchange.reports.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * Typed configuration of the report store. Keys (env var in upper case with underscores):
 * {@code exchange.reports.search.default-count} (default 20) and {@code exchange.reports.search.max-count}
 * (default 100): page size of a DiagnosticReport search when {@code _count} is absent, and its upper bound;
 * {@code exchange.public-fhir-base} (default {@code http://127.0.0.1:8080/fhir}): the platform's public FHIR
 * base, for {@code Location}, {@code Bundle.entry.fullUrl} and {@code Bundle.link} (see {@link FhirBase}).
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

    private FhirBase publicFhirBase;

    /**
     * Reads the public FHIR base once.
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL (the message names the key)
     */
    @PostConstruct
    void init() {
        publicFhirBase = new FhirBase(publicFhirBaseUrl);
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
