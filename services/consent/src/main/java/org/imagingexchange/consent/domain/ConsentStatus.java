package org.imagingexchange.consent.domain;

import java.util.Optional;

/** FHIR R4 Consent.status (value set consent-state-codes); only {@link #ACTIVE} directives decide. */
public enum ConsentStatus {
    DRAFT("draft"),
    PROPOSED("proposed"),
    ACTIVE("active"),
    REJECTED("rejected"),
    INACTIVE("inactive"),
    ENTERED_IN_ERROR("entered-in-error");

    private final String code;

    ConsentStatus(String code) {
        this.code = code;
    }

    /** @return the FHIR code, e.g. {@code active} */
    public String code() {
        return code;
    }

    /**
     * @param code a FHIR consent-state code; may be null
     * @return the status, empty for null or unknown codes
     */
    public static Optional<ConsentStatus> fromCode(String code) {
        for (ConsentStatus s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
