package org.imagingexchange.consent.client;

/**
 * The consent service's answer.
 *
 * @param decision PERMIT or DENY
 * @param reason   short machine-readable reason, e.g. {@code custodian}, {@code consent-permit},
 *                 {@code opt-in-no-consent}, {@code consent-service-unavailable}
 * @param policyId id of the jurisdiction policy or FHIR Consent resource that decided
 */
public record ConsentDecision(Decision decision, String reason, String policyId) {

    /** @return true when access is permitted */
    public boolean permitted() {
        return decision == Decision.PERMIT;
    }

    /** Reason of {@link #unavailable()}. */
    public static final String UNAVAILABLE_REASON = "consent-service-unavailable";

    /**
     * @return true when this is the fail-closed answer for "no decision could be had" (a deny that a
     *         caller may report as 503 rather than as a refusal)
     */
    public boolean undecided() {
        return UNAVAILABLE_REASON.equals(reason);
    }

    /** @return the fail-closed answer used when the consent service gives none */
    public static ConsentDecision unavailable() {
        return new ConsentDecision(Decision.DENY, UNAVAILABLE_REASON, "fail-closed");
    }
}
