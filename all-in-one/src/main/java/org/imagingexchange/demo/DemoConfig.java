package org.imagingexchange.demo;

import java.util.function.UnaryOperator;

/**
 * Where the scenario finds the platform and its peers.
 *
 * @param gatewayUrl     public entry, e.g. {@code http://127.0.0.1:8080}
 * @param platformUrl    base of the services' internal APIs (the all-in-one server), used to trigger a crawl
 * @param keycloakUrl    Keycloak base URL, realm {@code imaging}
 * @param pacsUrl        the demo PACS (Orthanc REST) base URL
 * @param pacsUser       its HTTP user
 * @param pacsPassword   its HTTP password
 * @param auditWaitMillis how long to wait for audit records to reach the audit service (outbox delivery)
 * @param platformAeTitle the platform's DICOM AE title (the registry's C-STORE SCP)
 * @param platformDicomPort its DICOM port on 127.0.0.1
 * @param legacyPacsUrl   the DIMSE-only archive's Orthanc REST base URL (same user and password as the demo PACS),
 *                        read only to know what it holds: the platform reaches it by C-FIND and C-GET
 */
public record DemoConfig(String gatewayUrl, String platformUrl, String keycloakUrl, String pacsUrl, String pacsUser,
                         String pacsPassword, long auditWaitMillis, String platformAeTitle, int platformDicomPort,
                         String legacyPacsUrl) {

    /**
     * Reads the configuration from a lookup (system properties, then environment), with the local
     * run's defaults: gateway {@code GATEWAY_URL} (http://127.0.0.1:8080), {@code PLATFORM_URL} (same),
     * {@code KEYCLOAK_URL} (http://127.0.0.1:8180), {@code PACS_URL} (http://127.0.0.1:8042),
     * {@code PACS_USER}/{@code PACS_PASSWORD} (orthanc / orthanc-pass), {@code AUDIT_WAIT_MS} (20000),
     * {@code REGISTRY_AET} (EXCHANGE), {@code REGISTRY_DICOM_PORT} (11112) and {@code LEGACY_PACS_URL}
     * (http://127.0.0.1:8043).
     *
     * @param lookup name -> value or null
     * @return the configuration
     */
    public static DemoConfig from(UnaryOperator<String> lookup) {
        String gateway = or(lookup.apply("GATEWAY_URL"), "http://127.0.0.1:8080");
        return new DemoConfig(gateway,
                or(lookup.apply("PLATFORM_URL"), gateway),
                or(lookup.apply("KEYCLOAK_URL"), "http://127.0.0.1:8180"),
                or(lookup.apply("PACS_URL"), "http://127.0.0.1:8042"),
                or(lookup.apply("PACS_USER"), "orthanc"),
                or(lookup.apply("PACS_PASSWORD"), "orthanc-pass"),
                Long.parseLong(or(lookup.apply("AUDIT_WAIT_MS"), "20000")),
                or(lookup.apply("REGISTRY_AET"), "EXCHANGE"),
                Integer.parseInt(or(lookup.apply("REGISTRY_DICOM_PORT"), "11112")),
                or(lookup.apply("LEGACY_PACS_URL"), "http://127.0.0.1:8043"));
    }

    /** @return the configuration from system properties, falling back to environment variables */
    public static DemoConfig fromEnvironment() {
        return from(name -> System.getProperty(name, System.getenv(name)));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
