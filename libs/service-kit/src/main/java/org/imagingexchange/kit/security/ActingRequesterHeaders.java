package org.imagingexchange.kit.security;

/**
 * Request headers by which a platform service, calling with its own token (realm role
 * {@value #SERVICE_ROLE}), names the requester it acts for when that requester has no token of its own
 * (a DICOM AE title configured for an organisation). The receiving service accepts them from that role only;
 * the gateway never forwards them from outside (their names claim an identity, organisation, country or
 * purpose).
 */
public final class ActingRequesterHeaders {

    /** Realm role of the platform's own service accounts. */
    public static final String SERVICE_ROLE = "exchange-service";
    /** Who the requester is, as audit names it, e.g. {@code AE:HOSPITAL_B}. */
    public static final String IDENTITY = "X-Acting-Identity";
    /** The requester's organisation. */
    public static final String ORGANIZATION = "X-Acting-Organization-Id";
    /** The requester's country, ISO 3166-1 alpha-2; may be absent. */
    public static final String COUNTRY = "X-Acting-Country";
    /** The requester's HL7 v3 PurposeOfUse; TREAT when absent. */
    public static final String PURPOSE = "X-Acting-Purpose-Of-Use";

    private ActingRequesterHeaders() {
    }
}
