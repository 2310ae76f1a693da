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
 */
public record SourceSettings(String id, String qidoUrl, String wadoUrl, String username, String password,
                             String organizationId, String aeTitle, String defaultIssuer) {

    /** @return the settings without the password */
    @Override
    public String toString() {
        return "SourceSettings[id=" + id + ", qidoUrl=" + qidoUrl + ", wadoUrl=" + wadoUrl + ", username=" + username
                + ", organizationId=" + organizationId + ", aeTitle=" + aeTitle + ", defaultIssuer=" + defaultIssuer + "]";
    }
}
