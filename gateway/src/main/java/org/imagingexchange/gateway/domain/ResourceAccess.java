package org.imagingexchange.gateway.domain;

import java.util.Objects;

/**
 * What a route does to which FHIR resource type, in the terms of SMART App Launch 2.x scopes
 * (§ "Scopes for requesting FHIR resources"): a DICOMweb search (QIDO-RS) is an {@code ImagingStudy} search, a
 * retrieval (WADO-RS) an {@code ImagingStudy} read, a MADO manifest an {@code ImagingStudy} create.
 *
 * @param resourceType       FHIR resource type, e.g. {@code ImagingStudy}
 * @param interaction        one of the SMART v2 interaction letters {@code c r u d s}
 * @param patientCompartment true when the service answering the route restricts a {@code patient}-role caller to
 *                           the Patient ID of its token (the {@code patient_id} claim), so that a {@code patient/}
 *                           scope may open it
 */
public record ResourceAccess(String resourceType, char interaction, boolean patientCompartment) {

    /** Compact constructor: checks the interaction letter. */
    public ResourceAccess {
        Objects.requireNonNull(resourceType);
        if ("cruds".indexOf(interaction) < 0) {
            throw new IllegalArgumentException("interaction must be one of c r u d s, was " + interaction);
        }
    }

    /**
     * @return the narrowest scopes that grant this access, as a caller would ask for them, e.g.
     *         {@code system/ImagingStudy.s user/ImagingStudy.s}; for the {@code WWW-Authenticate} challenge
     */
    public String neededScopes() {
        String suffix = resourceType + "." + interaction;
        return "system/" + suffix + " user/" + suffix + (patientCompartment ? " patient/" + suffix : "");
    }
}
