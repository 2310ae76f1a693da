package org.imagingexchange.audit.client;

/** AuditEvent.outcome (FHIR R4 audit-event-outcome: 0, 4, 8, 12). */
public enum AuditOutcome {
    SUCCESS("0"),
    MINOR_FAILURE("4"),
    SERIOUS_FAILURE("8"),
    MAJOR_FAILURE("12");

    private final String code;

    AuditOutcome(String code) {
        this.code = code;
    }

    /** @return the FHIR code */
    public String code() {
        return code;
    }

    /** @return SUCCESS for 1xx-3xx, MINOR_FAILURE for 4xx, SERIOUS_FAILURE for 5xx */
    public static AuditOutcome ofHttpStatus(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        return status < 500 ? MINOR_FAILURE : SERIOUS_FAILURE;
    }
}
