package org.imagingexchange.audit.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * Typed configuration of the audit service (MP Config; environment variables override).
 *
 * <p>{@code exchange.public-fhir-base} (env {@code EXCHANGE_PUBLIC_FHIR_BASE}, default
 * {@code http://127.0.0.1:8080/fhir}): the platform's public FHIR base for {@code Bundle.entry.fullUrl},
 * {@code Bundle.link} and the {@code Location} of ingested events (see {@link FhirBase}).
 */
@ApplicationScoped
public class AuditConfig {

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

    /** @return the platform's public FHIR base (never null) */
    public FhirBase publicFhirBase() {
        return publicFhirBase;
    }
}
