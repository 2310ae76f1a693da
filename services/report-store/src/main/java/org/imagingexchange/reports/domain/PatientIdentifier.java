package org.imagingexchange.reports.domain;

import java.util.Objects;
import org.imagingexchange.kit.search.InvalidSearchParameterException;

/**
 * eHN A.1.1 personal identifier of the patient, as FHIR {@code Identifier} (system = issuer).
 *
 * @param system identifier system / issuer URI; empty when the sender gave none
 * @param value  the identifier value, e.g. DICOM Patient ID {@code 1CT1}; never blank
 */
public record PatientIdentifier(String system, String value) {

    /** Compact constructor: system null becomes empty; value must be non-blank. */
    public PatientIdentifier {
        system = system == null ? "" : system;
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("patient identifier value is blank");
        }
    }

    /**
     * Parses the FHIR token search syntax {@code [system|]value}.
     *
     * @param token e.g. {@code urn:oid:1.2.3|1CT1}, {@code |1CT1} (no system) or {@code 1CT1} (any system)
     * @return the identifier; system is {@code null}-equivalent "any" when the token had no bar
     * @throws InvalidSearchParameterException (400) when the value part is empty
     */
    public static Query parseToken(String parameter, String token) {
        String t = token == null ? "" : token.trim();
        int bar = t.indexOf('|');
        String system = bar < 0 ? null : t.substring(0, bar);
        String value = bar < 0 ? t : t.substring(bar + 1);
        if (value.isBlank()) {
            throw new InvalidSearchParameterException(parameter, "expected [system|]value with a non-empty value");
        }
        return new Query(system, value);
    }

    /**
     * A patient identifier search: {@code system == null} matches any system, empty matches "no system".
     *
     * @param system identifier system, empty or null (any)
     * @param value  identifier value; non-blank
     */
    public record Query(String system, String value) {
    }
}
