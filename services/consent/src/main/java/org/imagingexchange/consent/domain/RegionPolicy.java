package org.imagingexchange.consent.domain;

import java.util.Locale;

/**
 * The jurisdiction's default for one data class when no consent directive of the patient applies (eHN guideline:
 * each member state chooses how imaging data may be shared without an explicit consent; EHDS Art. 8-10).
 */
public enum RegionPolicy {
    /** Access only with an explicit permit directive; no directive means DENY. */
    OPT_IN("opt-in"),
    /** Access unless the patient objected with a deny directive; no directive means PERMIT. */
    OPT_OUT("opt-out"),
    /**
     * No directive: PERMIT only for treatment (purpose of use {@code TREAT} or its specialisation {@code ETREAT}),
     * DENY for any other purpose.
     */
    TREATMENT_ONLY("treatment-only"),
    /** No directive: DENY, except a break-the-glass request where the jurisdiction allows emergency access. */
    BREAK_GLASS_ONLY("break-glass-only");

    private final String code;

    RegionPolicy(String code) {
        this.code = code;
    }

    /** @return the configuration value and policy id suffix: {@code opt-in} or {@code opt-out} */
    public String code() {
        return code;
    }

    /**
     * Parses the configuration value of {@code exchange.consent.default-policy}.
     *
     * @param value {@code opt-in}, {@code opt-out}, {@code treatment-only} or {@code break-glass-only} (case and
     *              surrounding blanks ignored)
     * @return the policy
     * @throws IllegalArgumentException for any other value, naming the accepted ones
     */
    public static RegionPolicy parse(String value) {
        return parse("exchange.consent.default-policy", value);
    }

    /**
     * @param key   the configuration key, for the message
     * @param value the configured value
     * @return the policy
     * @throws IllegalArgumentException for an unknown value, naming the key and the accepted values
     */
    public static RegionPolicy parse(String key, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (RegionPolicy p : values()) {
            if (p.code.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException(key + " must be one of opt-in, opt-out, treatment-only, break-glass-only"
                + " but is '" + value + "'");
    }
}
