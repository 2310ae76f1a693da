package org.imagingexchange.registry.domain;

import java.util.Objects;

/**
 * One identifier of a patient: Patient ID (0010,0020) with its Issuer of Patient ID (0010,0021), or an
 * item of Other Patient IDs Sequence (0010,1002); FHIR {@code Patient.identifier} (system = issuer).
 * A patient may carry several (a local MRN and a national id); the registry links them to one patient.
 *
 * @param value  the identifier; not null, not blank
 * @param issuer the assigning authority; empty when unknown (never null)
 */
public record PatientIdentifier(String value, String issuer) {

    /** Compact constructor: value required, issuer defaults to empty; both stripped. */
    public PatientIdentifier {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a patient identifier needs a value");
        }
        issuer = issuer == null ? "" : issuer.strip();
    }
}
