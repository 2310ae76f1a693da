package org.imagingexchange.consent.client;

/** Outcome of a consent decision (aligned with FHIR Consent.provision.type: permit / deny). */
public enum Decision {
    PERMIT,
    DENY
}
