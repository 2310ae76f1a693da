package org.imagingexchange.consent.domain;

import java.util.Locale;
import java.util.Optional;
import org.imagingexchange.consent.client.DataClass;

/**
 * The codes of {@link DataClass} in FHIR (Consent.provision.class, system {@value #SYSTEM}) and in
 * storage: {@code imaging-study} (eHN data set B) and {@code imaging-report} (eHN data set A).
 */
public final class DataClassCodes {

    /** Code system of the data classes in Consent.provision.class. */
    public static final String SYSTEM = "urn:imaging-exchange:data-class";

    private DataClassCodes() {
    }

    /** @return {@code imaging-study} or {@code imaging-report} */
    public static String code(DataClass dataClass) {
        return dataClass.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param code a code; may be null
     * @return the data class, empty for null or unknown codes
     */
    public static Optional<DataClass> fromCode(String code) {
        for (DataClass c : DataClass.values()) {
            if (code(c).equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * @param code a stored code
     * @return the data class
     * @throws IllegalStateException for an unknown code (corrupt row)
     */
    public static DataClass parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalStateException("unknown data class " + code));
    }
}
