package org.imagingexchange.registry.config;

/**
 * One configured source archive ({@code exchange.registry.source.<id>.*}).
 *
 * @param id             source id, e.g. {@code hospital-a}
 * @param qidoUrl        QIDO-RS base URL ({@code .qido-url}), e.g. {@code http://127.0.0.1:8042/dicom-web}
 * @param wadoUrl        WADO-RS base URL ({@code .wado-url}; defaults to the QIDO-RS URL)
 * @param username       HTTP basic user ({@code .username}); empty for no authentication
 * @param password       HTTP basic password ({@code .password}); never logged
 * @param organizationId custodian organisation ({@code .organization-id}; defaults to the id)
 * @param aeTitle        the archive's DICOM AE title ({@code .ae-title}); empty when not set
 * @param defaultIssuer  Issuer of Patient ID for Patient IDs the archive sends without one ({@code .issuer},
 *                       env {@code EXCHANGE_REGISTRY_SOURCE_<ID>_ISSUER}); empty when not set
 * @param dimseHost      host of the archive's DICOM port ({@code .dimse-host}, env
 *                       {@code EXCHANGE_REGISTRY_SOURCE_<ID>_DIMSE_HOST}); empty when not set. With {@code aeTitle},
 *                       {@code dimsePort} and no {@code qidoUrl}, the source is crawled by C-FIND
 * @param dimsePort      TCP port of the archive's DICOM port ({@code .dimse-port}); 0 when not set
 */
public record SourceSettings(String id, String qidoUrl, String wadoUrl, String username, String password,
                             String organizationId, String aeTitle, String defaultIssuer, String dimseHost,
                             int dimsePort) {

    /** @return true when the source has no QIDO-RS URL but a DICOM address (AE title, host, port): crawled by C-FIND */
    public boolean dimseOnly() {
        return qidoUrl.isEmpty() && !aeTitle.isEmpty() && !dimseHost.isEmpty() && dimsePort > 0;
    }

    /** @return the settings without the password */
    @Override
    public String toString() {
        return "SourceSettings[id=" + id + ", qidoUrl=" + qidoUrl + ", wadoUrl=" + wadoUrl + ", username=" + username
                + ", organizationId=" + organizationId + ", aeTitle=" + aeTitle + ", defaultIssuer=" + defaultIssuer
                + ", dimseHost=" + dimseHost + ", dimsePort=" + dimsePort + "]";
    }
}
