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
 *   <li>break-the-glass (IHE IUA purpose of use {@code ETREAT} from a requester holding the emergency-access
 *       role) where the jurisdiction allows emergency access: PERMIT {@code emergency-override}, whatever the
 *       directives say (the access is audited as an emergency override and shown in the patient's access log);</li>
 *   <li>an in-force deny directive of the patient matches: DENY {@code consent-deny} (deny beats permit);</li>
 *   <li>an in-force permit directive matches: PERMIT {@code consent-permit};</li>
 *   <li>otherwise the jurisdiction's default for the data class ({@link JurisdictionPolicy}): opt-in DENY
 *       {@code opt-in-no-consent}; opt-out PERMIT {@code opt-out-no-objection}; treatment-only PERMIT
 *       {@code treatment-no-objection} for purpose {@code TREAT}/{@code ETREAT} and DENY {@code treatment-only} for any
 *       other; break-glass-only DENY {@code break-glass-only}.</li>
 * </ol>
 * A directive matches when it is active, the decision instant lies in its period, its patient and
 * issuer match (an empty issuer on either side matches any), its custodian (the organisation that
 * recorded it, {@code Consent.organization}) is unset or is the custodian of the requested data, and each
 * criterion it sets (organisation, country, data class, purposes of use) matches the request's. So a consent
 * manager's directive never opens or closes another organisation's data. The policy id is the deciding Consent's
 * id, or {@code custodian}, {@code invalid-request}, {@code break-glass}, {@code region-<default>}.
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
    /** Reason: break-the-glass where the jurisdiction allows emergency access. */
    public static final String REASON_EMERGENCY_OVERRIDE = "emergency-override";
    /** Reason: treatment-only default and the purpose of use is treatment. */
    public static final String REASON_TREATMENT = "treatment-no-objection";
    /** Reason: treatment-only default and another purpose of use. */
    public static final String REASON_TREATMENT_ONLY = "treatment-only";
    /** Reason: break-glass-only default and no emergency override. */
    public static final String REASON_BREAK_GLASS_ONLY = "break-glass-only";

    private final JurisdictionPolicy jurisdiction;

    /** @param regionDefault the default for every data class, emergency access not allowed; not null */
    public ConsentPolicy(RegionPolicy regionDefault) {
        this(JurisdictionPolicy.uniform(regionDefault));
    }

    /** @param jurisdiction the jurisdiction's defaults per data class and its emergency-access rule; not null */
    public ConsentPolicy(JurisdictionPolicy jurisdiction) {
        this.jurisdiction = java.util.Objects.requireNonNull(jurisdiction);
    }

    /** @return the jurisdiction's default for imaging studies (stated in the permit feed) */
    public RegionPolicy regionDefault() {
        return jurisdiction.studies();
    }

    /** @return the jurisdiction's rules */
    public JurisdictionPolicy jurisdiction() {
        return jurisdiction;
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
        if (jurisdiction.breakGlassAllowed() && isBreakGlass(request)) {
            return new ConsentDecision(Decision.PERMIT, REASON_EMERGENCY_OVERRIDE, "break-glass");
        }
        Optional<ConsentDirective> deny = firstMatching(Decision.DENY, request, directives, now);
        if (deny.isPresent()) {
            return new ConsentDecision(Decision.DENY, REASON_CONSENT_DENY, deny.get().id());
        }
        Optional<ConsentDirective> permit = firstMatching(Decision.PERMIT, request, directives, now);
        if (permit.isPresent()) {
            return new ConsentDecision(Decision.PERMIT, REASON_CONSENT_PERMIT, permit.get().id());
        }
        RegionPolicy fallback = jurisdiction.defaultFor(request.dataClass());
        String policyId = "region-" + fallback.code();
        return switch (fallback) {
            case OPT_IN -> new ConsentDecision(Decision.DENY, REASON_OPT_IN, policyId);
            case OPT_OUT -> new ConsentDecision(Decision.PERMIT, REASON_OPT_OUT, policyId);
            case TREATMENT_ONLY -> isTreatment(request.purposeOfUse())
                    ? new ConsentDecision(Decision.PERMIT, REASON_TREATMENT, policyId)
                    : new ConsentDecision(Decision.DENY, REASON_TREATMENT_ONLY, policyId);
            case BREAK_GLASS_ONLY -> new ConsentDecision(Decision.DENY, REASON_BREAK_GLASS_ONLY, policyId);
        };
    }

    /**
     * @param request a consent request
     * @return true when it is break-the-glass: purpose {@code ETREAT} and the requester holds the emergency-access role
     */
    public static boolean isBreakGlass(ConsentRequest request) {
        return request.emergencyAccess() && ConsentRequest.PURPOSE_EMERGENCY_TREATMENT.equals(request.purposeOfUse());
    }

    private static boolean isTreatment(String purposeOfUse) {
        return ConsentRequest.PURPOSE_TREATMENT.equals(purposeOfUse)
                || ConsentRequest.PURPOSE_EMERGENCY_TREATMENT.equals(purposeOfUse);
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
                .filter(d -> d.coversPurpose(request.purposeOfUse()))
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
