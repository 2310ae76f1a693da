package org.imagingexchange.consent.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.Decision;

/**
 * The access policy of one jurisdiction, evaluated in this order (first match decides):
 * <ol>
 *   <li>no Patient ID in the request: DENY {@code missing-patient-id};</li>
 *   <li>the requester's organisation is the custodian of the data (eHN A.1.8.6 / B.1.3): PERMIT
 *       {@code custodian} (a hospital always sees what it holds itself);</li>
 *   <li>an in-force deny directive of the patient matches: DENY {@code consent-deny} (deny beats permit);</li>
 *   <li>an in-force permit directive matches: PERMIT {@code consent-permit};</li>
 *   <li>otherwise the region default: opt-in DENY {@code opt-in-no-consent}, opt-out PERMIT
 *       {@code opt-out-no-objection}.</li>
 * </ol>
 * A directive matches when it is active, the decision instant lies in its period, its patient and
 * issuer match (an empty issuer on either side matches any), its custodian (the organisation that
 * recorded it, {@code Consent.organization}) is unset or is the custodian of the requested data, and each
 * criterion it sets (organisation, country, data class) equals the request's. So a consent manager's
 * directive never opens or closes another organisation's data. The policy id is the deciding Consent's id, or
 * {@code custodian}, {@code invalid-request}, {@code region-opt-in} / {@code region-opt-out}.
 * Pure and thread-safe: no I/O, the caller supplies the directives and the clock.
 */
public final class ConsentPolicy {

    /** Reason: the requester's organisation holds the data itself. */
    public static final String REASON_CUSTODIAN = "custodian";
    /** Reason: a deny directive of the patient applies. */
    public static final String REASON_CONSENT_DENY = "consent-deny";
    /** Reason: a permit directive of the patient applies. */
    public static final String REASON_CONSENT_PERMIT = "consent-permit";
    /** Reason: opt-in region and no directive applies. */
    public static final String REASON_OPT_IN = "opt-in-no-consent";
    /** Reason: opt-out region and no directive applies. */
    public static final String REASON_OPT_OUT = "opt-out-no-objection";
    /** Reason: the request names no patient. */
    public static final String REASON_MISSING_PATIENT = "missing-patient-id";

    private final RegionPolicy regionDefault;

    /** @param regionDefault the jurisdiction's default when no directive applies; not null */
    public ConsentPolicy(RegionPolicy regionDefault) {
        this.regionDefault = java.util.Objects.requireNonNull(regionDefault);
    }

    /** @return the jurisdiction's default */
    public RegionPolicy regionDefault() {
        return regionDefault;
    }

    /**
     * Decides one request.
     *
     * @param request    the question; not null
     * @param directives the patient's directives (any status; others' directives are ignored); not null
     * @param now        the decision instant (UTC)
     * @return the decision; never null
     */
    public ConsentDecision decide(ConsentRequest request, List<ConsentDirective> directives, Instant now) {
        if (isBlank(request.patientId())) {
            return new ConsentDecision(Decision.DENY, REASON_MISSING_PATIENT, "invalid-request");
        }
        if (!isBlank(request.requesterOrganizationId())
                && request.requesterOrganizationId().equals(request.custodianOrganizationId())) {
            return new ConsentDecision(Decision.PERMIT, REASON_CUSTODIAN, "custodian");
        }
        Optional<ConsentDirective> deny = firstMatching(Decision.DENY, request, directives, now);
        if (deny.isPresent()) {
            return new ConsentDecision(Decision.DENY, REASON_CONSENT_DENY, deny.get().id());
        }
        Optional<ConsentDirective> permit = firstMatching(Decision.PERMIT, request, directives, now);
        if (permit.isPresent()) {
            return new ConsentDecision(Decision.PERMIT, REASON_CONSENT_PERMIT, permit.get().id());
        }
        return regionDefault == RegionPolicy.OPT_IN
                ? new ConsentDecision(Decision.DENY, REASON_OPT_IN, "region-opt-in")
                : new ConsentDecision(Decision.PERMIT, REASON_OPT_OUT, "region-opt-out");
    }

    private static Optional<ConsentDirective> firstMatching(Decision type, ConsentRequest request,
                                                            List<ConsentDirective> directives, Instant now) {
        return directives.stream()
                .filter(d -> d.provision() == type)
                .filter(d -> d.inForceAt(now))
                .filter(d -> aboutPatient(d, request))
                .filter(d -> d.custodianOrganizationId() == null
                        || d.custodianOrganizationId().equals(request.custodianOrganizationId()))
                .filter(d -> d.organizationId() == null || d.organizationId().equals(request.requesterOrganizationId()))
                .filter(d -> d.country() == null || d.country().equalsIgnoreCase(nullToEmpty(request.requesterCountry())))
                .filter(d -> d.dataClass() == null || d.dataClass() == request.dataClass())
                .findFirst();
    }

    private static boolean aboutPatient(ConsentDirective d, ConsentRequest request) {
        String issuer = nullToEmpty(request.patientIdIssuer());
        return d.patientId().equals(request.patientId())
                && (issuer.isEmpty() || d.patientIdIssuer().isEmpty() || d.patientIdIssuer().equals(issuer));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
