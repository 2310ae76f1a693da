package org.imagingexchange.consent.config;

import java.util.Optional;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingexchange.consent.domain.ConsentPolicy;
import org.imagingexchange.consent.domain.JurisdictionPolicy;
import org.imagingexchange.consent.domain.RegionPolicy;
import org.imagingexchange.kit.fhir.FhirBase;

/**
 * Typed configuration of the consent service (MP Config; environment variables override).
 *
 * <p>{@code exchange.consent.default-policy} (env {@code EXCHANGE_CONSENT_DEFAULT_POLICY}): the jurisdiction's
 * default when no directive applies, {@code opt-in} (default), {@code opt-out}, {@code treatment-only} or
 * {@code break-glass-only}; {@code exchange.consent.default-policy.studies} and {@code .reports} (env
 * {@code EXCHANGE_CONSENT_DEFAULT_POLICY_STUDIES} / {@code _REPORTS}) override it for one data class.
 * {@code exchange.consent.break-glass} (env {@code EXCHANGE_CONSENT_BREAK_GLASS}): {@code allowed} or
 * {@code refused} (default): whether emergency access (purpose ETREAT with the emergency-access role) overrides
 * the directives. Any other value stops the application at start-up with a message naming the key: a misspelt
 * policy must never silently become permissive, and guessing a restrictive one would hide the mistake.
 *
 * <p>{@code exchange.public-fhir-base} (env {@code EXCHANGE_PUBLIC_FHIR_BASE}, default
 * {@code http://127.0.0.1:8080/fhir}): the platform's public FHIR base for {@code Location},
 * {@code Bundle.entry.fullUrl} and {@code Bundle.link} (see {@link FhirBase}); an unusable URL also
 * stops the start.
 */
@ApplicationScoped
public class ConsentConfig {

    private static final Logger LOG = Logger.getLogger(ConsentConfig.class.getName());

    @Inject
    @ConfigProperty(name = "exchange.consent.default-policy", defaultValue = "opt-in")
    String defaultPolicy;

    @Inject
    @ConfigProperty(name = "exchange.consent.default-policy.studies")
    Optional<String> studiesPolicy;

    @Inject
    @ConfigProperty(name = "exchange.consent.default-policy.reports")
    Optional<String> reportsPolicy;

    @Inject
    @ConfigProperty(name = "exchange.consent.break-glass", defaultValue = "refused")
    String breakGlass;

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

    /**
     * @return the region default
     * @throws IllegalArgumentException when the configured value is neither opt-in nor opt-out
     */
    public RegionPolicy regionPolicy() {
        return RegionPolicy.parse(defaultPolicy);
    }

    /**
     * @return the jurisdiction's defaults per data class and its emergency-access rule
     * @throws IllegalArgumentException when a value is not one of the accepted ones (the message names the key)
     */
    public JurisdictionPolicy jurisdiction() {
        RegionPolicy all = regionPolicy();
        RegionPolicy studies = studiesPolicy.filter(v -> !v.isBlank())
                .map(v -> RegionPolicy.parse("exchange.consent.default-policy.studies", v)).orElse(all);
        RegionPolicy reports = reportsPolicy.filter(v -> !v.isBlank())
                .map(v -> RegionPolicy.parse("exchange.consent.default-policy.reports", v)).orElse(all);
        String bg = breakGlass.trim().toLowerCase(java.util.Locale.ROOT);
        if (!bg.equals("allowed") && !bg.equals("refused")) {
            throw new IllegalArgumentException("exchange.consent.break-glass must be 'allowed' or 'refused' but is '"
                    + breakGlass + "'");
        }
        return new JurisdictionPolicy(studies, reports, bg.equals("allowed"));
    }

    /** @return the platform's public FHIR base (never null) */
    public FhirBase publicFhirBase() {
        return publicFhirBase;
    }

    /** Validates the configuration when the application starts; an invalid value fails the start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        JurisdictionPolicy policy = jurisdiction();
        LOG.info(() -> "consent jurisdiction policy " + policy.describe() + ", public FHIR base=" + publicFhirBase.url());
    }

    /** @return the jurisdiction's policy, built once from the configured region default */
    @Produces
    @Singleton
    ConsentPolicy consentPolicy() {
        return new ConsentPolicy(jurisdiction());
    }
}
