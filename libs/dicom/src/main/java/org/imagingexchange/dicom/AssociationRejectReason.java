package org.imagingexchange.dicom;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an association request is rejected: the Result, Source and Reason/Diag. fields of the
 * A-ASSOCIATE-RJ PDU, PS3.8 §9.3.4 Table 9-21.
 */
public enum AssociationRejectReason {
    /** Service-user, permanent: no reason given. */
    NO_REASON_GIVEN(1, 1, 1),
    /** Service-user, permanent: application context name not supported. */
    APPLICATION_CONTEXT_NAME_NOT_SUPPORTED(1, 1, 2),
    /** Service-user, permanent: calling AE title not recognized (unknown caller). */
    CALLING_AE_TITLE_NOT_RECOGNIZED(1, 1, 3),
    /** Service-user, permanent: called AE title not recognized (not our AE). */
    CALLED_AE_TITLE_NOT_RECOGNIZED(1, 1, 7),
    /** Service-provider (ACSE), permanent: protocol version not supported. */
    PROTOCOL_VERSION_NOT_SUPPORTED(1, 2, 2),
    /** Service-provider (presentation), transient: temporary congestion. */
    TEMPORARY_CONGESTION(2, 3, 1),
    /** Service-provider (presentation), transient: local limit exceeded. */
    LOCAL_LIMIT_EXCEEDED(2, 3, 2);

    private final int result;
    private final int source;
    private final int reason;

    AssociationRejectReason(int result, int source, int reason) {
        this.result = result;
        this.source = source;
        this.reason = reason;
    }

    /** @return 1 rejected-permanent, 2 rejected-transient */
    public int result() {
        return result;
    }

    /** @return 1 service-user, 2 service-provider (ACSE), 3 service-provider (presentation) */
    public int source() {
        return source;
    }

    /** @return the Reason/Diag. value within the source */
    public int reason() {
        return reason;
    }

    /**
     * Looks the reason up from the three PDU fields.
     *
     * @param result result field
     * @param source source field
     * @param reason reason/diag. field
     * @return the reason, empty for combinations not named here
     */
    public static Optional<AssociationRejectReason> of(int result, int source, int reason) {
        return Arrays.stream(values())
                .filter(r -> r.result == result && r.source == source && r.reason == reason).findFirst();
    }
}
