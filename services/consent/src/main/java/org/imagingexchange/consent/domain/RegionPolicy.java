package org.imagingexchange.consent.domain;

import java.util.Locale;

/**
 * The jurisdiction's default when no consent directive of the patient applies (eHN guideline: each
 * member state chooses opt-in or opt-out for cross-border exchange of imaging data).
 */
public enum RegionPolicy {
    /** Access only with an explicit permit directive; no directive means DENY. */
    OPT_IN("opt-in"),
    /** Access unless the patient objected with a deny directive; no directive means PERMIT. */
    OPT_OUT("opt-out");

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
     * @param value {@code opt-in} or {@code opt-out} (case and surrounding blanks ignored); not null
     * @return the policy
     * @throws IllegalArgumentException for any other value, naming the accepted ones
     */
    public static RegionPolicy parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (RegionPolicy p : values()) {
            if (p.code.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("exchange.consent.default-policy must be 'opt-in' or 'opt-out' but is '"
                + value + "'");
    }
}
