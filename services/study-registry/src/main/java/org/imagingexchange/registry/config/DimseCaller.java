package org.imagingexchange.registry.config;

import java.util.Optional;

/**
 * One calling AE title the platform's DICOM node accepts besides the sources
 * ({@code exchange.dimse.aes}, {@code exchange.dimse.ae.<AET>.*}; env {@code EXCHANGE_DIMSE_AES},
 * {@code EXCHANGE_DIMSE_AE_<AET>_ORGANIZATION_ID}, {@code _COUNTRY}, {@code _HOST}, {@code _PORT}): who a
 * workstation or PACS acts for, so that consent and audit treat its C-FIND, C-GET and C-MOVE like a
 * token-authenticated request of that organisation, and where a C-MOVE may send to it.
 *
 * @param aeTitle        the calling AE title
 * @param organizationId the organisation it acts for (a study of this organisation needs no consent)
 * @param country        ISO 3166-1 alpha-2 country of that organisation; empty when not configured
 * @param host           host of its storage SCP when it is a C-MOVE destination; empty otherwise
 * @param port           TCP port of that storage SCP, 1-65535; 0 when it is no C-MOVE destination
 */
public record DimseCaller(String aeTitle, String organizationId, String country, String host, int port) {

    /** @return the storage SCP a C-MOVE may send to, as {@code host:port}; empty when not configured */
    public Optional<String> moveDestination() {
        return host.isEmpty() || port <= 0 ? Optional.empty() : Optional.of(host + ":" + port);
    }
}
