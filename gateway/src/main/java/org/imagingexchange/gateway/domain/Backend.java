package org.imagingexchange.gateway.domain;

/**
 * The services behind the gateway. Each is reached at a base URL from configuration (its context
 * root included, e.g. {@code http://127.0.0.1:9080/registry}); the public paths below that root are
 * the same as the service's ({@code /dicomweb/...}, {@code /fhir/...}).
 */
public enum Backend {
    /** Study registry: QIDO-RS (PS3.18 §10.6) and FHIR ImagingStudy search. */
    REGISTRY("exchange.registry.url", "/registry"),
    /** Retrieval proxy: WADO-RS (PS3.18 §10.4; IHE RAD-107). */
    RETRIEVAL("exchange.retrieval.url", "/retrieval"),
    /** Report store: FHIR DiagnosticReport and document Bundle (HL7 Europe Imaging Report IG). */
    REPORTS("exchange.reports.url", "/reports"),
    /** Consent: FHIR Consent. */
    CONSENT("exchange.consent.url", "/consent"),
    /** Audit: FHIR AuditEvent (IHE BALP). */
    AUDIT("exchange.audit.url", "/audit");

    private final String configKey;
    private final String contextRoot;

    Backend(String configKey, String contextRoot) {
        this.configKey = configKey;
        this.contextRoot = contextRoot;
    }

    /** @return the MicroProfile Config key holding this service's base URL */
    public String configKey() {
        return configKey;
    }

    /** @return the service's context root, used for the default base URL {@code http://127.0.0.1:9080<root>} */
    public String contextRoot() {
        return contextRoot;
    }

    /** @return the lower-case name, used in logs and problem details */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
