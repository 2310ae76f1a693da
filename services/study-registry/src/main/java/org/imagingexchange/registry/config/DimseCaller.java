package org.imagingexchange.registry.config;

/**
 * One calling AE title the platform's DICOM node accepts besides the sources
 * ({@code exchange.dimse.aes}, {@code exchange.dimse.ae.<AET>.*}; env {@code EXCHANGE_DIMSE_AES},
 * {@code EXCHANGE_DIMSE_AE_<AET>_ORGANIZATION_ID}, {@code _COUNTRY}): who a workstation or PACS acts for, so
 * that consent and audit treat its C-FIND like a token-authenticated request of that organisation.
 *
 * @param aeTitle        the calling AE title
 * @param organizationId the organisation it acts for (a study of this organisation needs no consent)
 * @param country        ISO 3166-1 alpha-2 country of that organisation; empty when not configured
 */
public record DimseCaller(String aeTitle, String organizationId, String country) {
}
