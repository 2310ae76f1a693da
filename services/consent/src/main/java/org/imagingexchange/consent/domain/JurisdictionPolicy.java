package org.imagingexchange.consent.domain;

import java.util.Objects;
import org.imagingexchange.consent.client.DataClass;

/**
 * What a jurisdiction (region) decides when no consent directive of the patient applies, per data class, and
 * whether it allows emergency access (break-the-glass) at all.
 *
 * @param studies           default for imaging studies (eHN data set B)
 * @param reports           default for imaging reports (eHN data set A)
 * @param breakGlassAllowed true when a requester holding the emergency-access role who asks with purpose of use
 *                          {@code ETREAT} is granted access whatever the directives say (audited as an emergency
 *                          override); false when emergency access is not part of the jurisdiction's rules
 */
public record JurisdictionPolicy(RegionPolicy studies, RegionPolicy reports, boolean breakGlassAllowed) {

    /** Compact constructor: both defaults are required. */
    public JurisdictionPolicy {
        Objects.requireNonNull(studies, "studies");
        Objects.requireNonNull(reports, "reports");
    }

    /**
     * @param policy the default for every data class
     * @return that policy for studies and reports, emergency access not allowed
     */
    public static JurisdictionPolicy uniform(RegionPolicy policy) {
        return new JurisdictionPolicy(policy, policy, false);
    }

    /**
     * @param dataClass what is asked for; null counts as studies
     * @return the default for that class
     */
    public RegionPolicy defaultFor(DataClass dataClass) {
        return dataClass == DataClass.IMAGING_REPORT ? reports : studies;
    }

    /** @return a short description for logs, e.g. {@code studies=opt-in reports=treatment-only break-glass=allowed} */
    public String describe() {
        return "studies=" + studies.code() + " reports=" + reports.code() + " break-glass="
                + (breakGlassAllowed ? "allowed" : "refused");
    }
}
