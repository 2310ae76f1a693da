package org.imagingexchange.consent.api;

import org.imagingexchange.kit.context.Actor;
import org.imagingexchange.kit.problem.BadRequestProblem;

/**
 * The value of a FHIR token search parameter on a patient identifier, {@code [system|]value}
 * (R4 search.html#token): without {@code |} any issuer matches; {@code |value} matches an empty issuer.
 *
 * @param system issuer to match exactly; null for any
 * @param value  Patient ID; not blank
 */
record PatientIdentifier(String system, String value) {

    /**
     * @param parameter the raw parameter; may be null for patient users
     * @param actor     the caller; a patient user without a parameter searches their own Patient ID
     * @return the parsed identifier
     * @throws BadRequestProblem (400) when the parameter is missing (non-patients) or has no value
     */
    static PatientIdentifier parse(String parameter, Actor actor) {
        if (parameter == null || parameter.isBlank()) {
            if (actor.ownPatientId().isPresent()) {
                return new PatientIdentifier(null, actor.ownPatientId().get());
            }
            throw new BadRequestProblem("missing-search-parameter", "patient:identifier is required ([system|]value)");
        }
        int bar = parameter.indexOf('|');
        String system = bar < 0 ? null : parameter.substring(0, bar);
        String value = bar < 0 ? parameter : parameter.substring(bar + 1);
        if (value.isBlank()) {
            throw new BadRequestProblem("invalid-search-parameter", "patient:identifier needs a value after '|'");
        }
        return new PatientIdentifier(system, value.trim());
    }

    /** @return the token as given back in the audit trail */
    String token() {
        return system == null ? value : system + "|" + value;
    }
}
