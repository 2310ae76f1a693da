package org.imagingexchange.consent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imagingexchange.consent.client.ConsentDecision;
import org.imagingexchange.consent.client.ConsentRequest;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final ConsentPolicy OPT_IN = new ConsentPolicy(RegionPolicy.OPT_IN);
    private static final ConsentPolicy OPT_OUT = new ConsentPolicy(RegionPolicy.OPT_OUT);

    /** clinician-b of hospital-b (BE) asks for a study held by hospital-a. */
    private static ConsentRequest request(DataClass dataClass) {
        return new ConsentRequest("1CT1", "urn:oid:1.2.3", "hospital-b", "BE", "clinician-b", "TREAT", dataClass,
                "hospital-a", false);
    }

    private static ConsentRequest request() {
        return request(DataClass.IMAGING_STUDY);
    }

    private static ConsentDirective directive(String id, Decision type, String org, String country, DataClass cls) {
        return new ConsentDirective(id, "1CT1", "urn:oid:1.2.3", type, org, country, cls, ConsentStatus.ACTIVE,
                null, null, "hospital-a", NOW.minusSeconds(60), "{}");
    }

    private static ConsentDirective withPeriod(ConsentDirective d, Instant start, Instant end) {
        return new ConsentDirective(d.id(), d.patientId(), d.patientIdIssuer(), d.provision(), d.organizationId(),
                d.country(), d.dataClass(), d.status(), start, end, d.recordedBy(), d.recordedAt(), d.resourceJson());
    }

    private static void assertDecision(Decision decision, String reason, String policyId, ConsentDecision actual) {
        assertEquals(new ConsentDecision(decision, reason, policyId), actual,
                "expected " + decision + "/" + reason + "/" + policyId);
    }

    @Test
    void decide_requesterIsCustodian_permitsEvenWithDenyDirective() {
        ConsentRequest own = new ConsentRequest("1CT1", "", "hospital-a", "NL", "radiologist-a", "TREAT",
                DataClass.IMAGING_STUDY, "hospital-a", false);
        ConsentDecision d = OPT_IN.decide(own, List.of(directive("c1", Decision.DENY, null, null, null)), NOW);

        assertDecision(Decision.PERMIT, "custodian", "custodian", d);
    }

    @Test
    void decide_emptyRequesterAndEmptyCustodian_isNotCustodianAccess() {
        ConsentRequest r = new ConsentRequest("1CT1", "", "", "BE", "x", "TREAT", DataClass.IMAGING_STUDY, "", false);

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(r, List.of(), NOW));
    }

    @Test
    void decide_optInWithoutDirective_denies() {
        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(), List.of(), NOW));
    }

    @Test
    void decide_optOutWithoutDirective_permits() {
        assertDecision(Decision.PERMIT, "opt-out-no-objection", "region-opt-out", OPT_OUT.decide(request(), List.of(), NOW));
    }

    @Test
    void decide_permitForRequesterOrganization_permits() {
        ConsentDecision d = OPT_IN.decide(request(), List.of(directive("c1", Decision.PERMIT, "hospital-b", null, null)), NOW);

        assertDecision(Decision.PERMIT, "consent-permit", "c1", d);
    }

    @Test
    void decide_permitForOtherOrganization_fallsBackToRegionDefault() {
        ConsentDecision d = OPT_IN.decide(request(), List.of(directive("c1", Decision.PERMIT, "hospital-c", null, null)), NOW);

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", d);
    }

    @Test
    void decide_permitForRequesterCountry_permitsCaseInsensitively() {
        ConsentDecision d = OPT_IN.decide(request(), List.of(directive("c1", Decision.PERMIT, null, "be", null)), NOW);

        assertDecision(Decision.PERMIT, "consent-permit", "c1", d);
    }

    @Test
    void decide_permitForOtherCountry_doesNotApply() {
        ConsentDecision d = OPT_IN.decide(request(), List.of(directive("c1", Decision.PERMIT, null, "NL", null)), NOW);

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", d);
    }

    @Test
    void decide_permitWithOrganizationAndCountry_requiresBoth() {
        List<ConsentDirective> ds = List.of(directive("c1", Decision.PERMIT, "hospital-b", "NL", null));

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(), ds, NOW));
    }

    @Test
    void decide_denyAndPermitBothMatch_denyWins() {
        List<ConsentDirective> ds = List.of(directive("p", Decision.PERMIT, "hospital-b", null, null),
                directive("d", Decision.DENY, null, "BE", null));

        assertDecision(Decision.DENY, "consent-deny", "d", OPT_IN.decide(request(), ds, NOW));
    }

    @Test
    void decide_denyDirectiveInOptOutRegion_denies() {
        ConsentDecision d = OPT_OUT.decide(request(), List.of(directive("d", Decision.DENY, null, null, null)), NOW);

        assertDecision(Decision.DENY, "consent-deny", "d", d);
    }

    @Test
    void decide_permitPeriodExpired_doesNotApply() {
        ConsentDirective expired = withPeriod(directive("c1", Decision.PERMIT, null, null, null),
                NOW.minus(Duration.ofDays(30)), NOW.minusSeconds(1));

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(), List.of(expired), NOW));
    }

    @Test
    void decide_permitPeriodNotYetStarted_doesNotApply() {
        ConsentDirective future = withPeriod(directive("c1", Decision.PERMIT, null, null, null), NOW.plusSeconds(1), null);

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(), List.of(future), NOW));
    }

    @Test
    void decide_periodBoundsInclusive_applies() {
        ConsentDirective exact = withPeriod(directive("c1", Decision.PERMIT, null, null, null), NOW, NOW);

        assertDecision(Decision.PERMIT, "consent-permit", "c1", OPT_IN.decide(request(), List.of(exact), NOW));
    }

    @Test
    void decide_expiredDenyInOptOutRegion_permitsByDefault() {
        ConsentDirective expired = withPeriod(directive("d", Decision.DENY, null, null, null), null, NOW.minusSeconds(1));

        assertDecision(Decision.PERMIT, "opt-out-no-objection", "region-opt-out", OPT_OUT.decide(request(), List.of(expired), NOW));
    }

    @Test
    void decide_permitForReportsOnly_doesNotPermitStudies() {
        List<ConsentDirective> ds = List.of(directive("c1", Decision.PERMIT, null, null, DataClass.IMAGING_REPORT));

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(DataClass.IMAGING_STUDY), ds, NOW));
        assertDecision(Decision.PERMIT, "consent-permit", "c1", OPT_IN.decide(request(DataClass.IMAGING_REPORT), ds, NOW));
    }

    @Test
    void decide_denyForStudiesOnly_leavesReportPermit() {
        List<ConsentDirective> ds = List.of(directive("d", Decision.DENY, null, null, DataClass.IMAGING_STUDY),
                directive("p", Decision.PERMIT, null, null, null));

        assertDecision(Decision.DENY, "consent-deny", "d", OPT_IN.decide(request(DataClass.IMAGING_STUDY), ds, NOW));
        assertDecision(Decision.PERMIT, "consent-permit", "p", OPT_IN.decide(request(DataClass.IMAGING_REPORT), ds, NOW));
    }

    @Test
    void decide_inactiveOrDraftDirective_isIgnored() {
        ConsentDirective base = directive("c1", Decision.PERMIT, null, null, null);
        for (ConsentStatus status : List.of(ConsentStatus.DRAFT, ConsentStatus.PROPOSED, ConsentStatus.INACTIVE,
                ConsentStatus.REJECTED, ConsentStatus.ENTERED_IN_ERROR)) {
            ConsentDirective d = new ConsentDirective("c1", "1CT1", "", Decision.PERMIT, null, null, null, status,
                    null, null, "x", NOW, "{}");
            assertEquals(Decision.DENY, OPT_IN.decide(request(), List.of(d), NOW).decision(), status + " must not permit");
        }
        assertEquals(Decision.PERMIT, OPT_IN.decide(request(), List.of(base), NOW).decision(), "active permits");
    }

    @Test
    void decide_otherPatientsDirective_isIgnored() {
        ConsentDirective other = new ConsentDirective("c1", "4MR1", "", Decision.PERMIT, null, null, null,
                ConsentStatus.ACTIVE, null, null, "x", NOW, "{}");

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(), List.of(other), NOW));
    }

    @Test
    void decide_differentIssuer_doesNotApply_emptyIssuerMatchesAny() {
        ConsentDirective otherIssuer = new ConsentDirective("c1", "1CT1", "urn:oid:9.9", Decision.PERMIT, null, null,
                null, ConsentStatus.ACTIVE, null, null, "x", NOW, "{}");
        ConsentRequest noIssuer = new ConsentRequest("1CT1", "", "hospital-b", "BE", "x", "TREAT",
                DataClass.IMAGING_STUDY, "hospital-a", false);

        assertEquals(Decision.DENY, OPT_IN.decide(request(), List.of(otherIssuer), NOW).decision(), "issuer differs");
        assertEquals(Decision.PERMIT, OPT_IN.decide(noIssuer, List.of(otherIssuer), NOW).decision(), "request without issuer");
    }

    @Test
    void decide_missingPatientId_deniesEvenForCustodianOrOptOut() {
        for (String missing : new String[] {null, "", "  "}) {
            ConsentRequest r = new ConsentRequest(missing, "", "hospital-a", "NL", "x", "TREAT",
                    DataClass.IMAGING_STUDY, "hospital-a", false);
            assertDecision(Decision.DENY, "missing-patient-id", "invalid-request", OPT_OUT.decide(r, List.of(), NOW));
        }
    }

    @Test
    void decide_permitRecordedByAnotherOrganization_doesNotOpenTheCustodiansData() {
        ConsentDirective byB = directive("c1", Decision.PERMIT, "hospital-b", null, null).forCustodian("hospital-b");

        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in", OPT_IN.decide(request(), List.of(byB), NOW));
    }

    @Test
    void decide_denyRecordedByAnotherOrganization_doesNotCloseTheCustodiansData() {
        ConsentDirective byB = directive("c1", Decision.DENY, null, null, null).forCustodian("hospital-b");

        assertDecision(Decision.PERMIT, "opt-out-no-objection", "region-opt-out", OPT_OUT.decide(request(), List.of(byB), NOW));
    }

    @Test
    void decide_permitRecordedByTheCustodian_permits() {
        ConsentDirective byA = directive("c1", Decision.PERMIT, "hospital-b", null, null).forCustodian("hospital-a");

        assertDecision(Decision.PERMIT, "consent-permit", "c1", OPT_IN.decide(request(), List.of(byA), NOW));
    }

    // --- purpose of use (IHE PCF basic consent) ---

    private static ConsentRequest requestFor(String purpose, boolean emergencyRole, DataClass cls) {
        return new ConsentRequest("1CT1", "urn:oid:1.2.3", "hospital-b", "BE", "clinician-b", purpose, cls,
                "hospital-a", emergencyRole);
    }

    private static ConsentDirective forPurposes(ConsentDirective d, String... purposes) {
        return new ConsentDirective(d.id(), d.patientId(), d.patientIdIssuer(), d.provision(), d.organizationId(),
                d.country(), d.dataClass(), d.status(), d.periodStart(), d.periodEnd(), d.recordedBy(), d.recordedAt(),
                d.resourceJson(), d.custodianOrganizationId(), java.util.Set.of(purposes));
    }

    @Test
    void decide_permitForTreatment_appliesToTreatmentAndEmergencyTreatmentOnly() {
        List<ConsentDirective> permitTreat = List.of(forPurposes(directive("c1", Decision.PERMIT, null, null, null), "TREAT"));
        assertDecision(Decision.PERMIT, "consent-permit", "c1",
                OPT_IN.decide(requestFor("TREAT", false, DataClass.IMAGING_STUDY), permitTreat, NOW));
        assertDecision(Decision.PERMIT, "consent-permit", "c1",
                OPT_IN.decide(requestFor("ETREAT", false, DataClass.IMAGING_STUDY), permitTreat, NOW));
        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in",
                OPT_IN.decide(requestFor("HRESCH", false, DataClass.IMAGING_STUDY), permitTreat, NOW));
        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in",
                OPT_IN.decide(requestFor("", false, DataClass.IMAGING_STUDY), permitTreat, NOW));
    }

    @Test
    void decide_denyForResearch_doesNotCloseTreatment() {
        List<ConsentDirective> denyResearch = List.of(forPurposes(directive("c2", Decision.DENY, null, null, null), "HRESCH"));
        assertDecision(Decision.PERMIT, "opt-out-no-objection", "region-opt-out",
                OPT_OUT.decide(requestFor("TREAT", false, DataClass.IMAGING_STUDY), denyResearch, NOW));
        assertDecision(Decision.DENY, "consent-deny", "c2",
                OPT_OUT.decide(requestFor("HRESCH", false, DataClass.IMAGING_STUDY), denyResearch, NOW));
    }

    // --- jurisdiction defaults per data class ---

    @Test
    void decide_treatmentOnly_permitsTreatmentWithoutDirectiveAndDeniesOtherPurposes() {
        ConsentPolicy p = new ConsentPolicy(RegionPolicy.TREATMENT_ONLY);
        assertDecision(Decision.PERMIT, "treatment-no-objection", "region-treatment-only",
                p.decide(requestFor("TREAT", false, DataClass.IMAGING_STUDY), List.of(), NOW));
        assertDecision(Decision.DENY, "treatment-only", "region-treatment-only",
                p.decide(requestFor("HPAYMT", false, DataClass.IMAGING_STUDY), List.of(), NOW));
        assertDecision(Decision.DENY, "consent-deny", "c3", p.decide(requestFor("TREAT", false, DataClass.IMAGING_STUDY),
                List.of(directive("c3", Decision.DENY, null, null, null)), NOW));
    }

    @Test
    void decide_defaultsPerDataClass() {
        ConsentPolicy p = new ConsentPolicy(new JurisdictionPolicy(RegionPolicy.OPT_OUT, RegionPolicy.OPT_IN, false));
        assertDecision(Decision.PERMIT, "opt-out-no-objection", "region-opt-out",
                p.decide(requestFor("TREAT", false, DataClass.IMAGING_STUDY), List.of(), NOW));
        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in",
                p.decide(requestFor("TREAT", false, DataClass.IMAGING_REPORT), List.of(), NOW));
    }

    // --- break-the-glass ---

    @Test
    void decide_breakGlassAllowed_overridesDefaultAndDenyDirective() {
        ConsentPolicy p = new ConsentPolicy(new JurisdictionPolicy(RegionPolicy.BREAK_GLASS_ONLY, RegionPolicy.OPT_IN, true));
        List<ConsentDirective> deny = List.of(directive("c4", Decision.DENY, null, null, null));
        assertDecision(Decision.PERMIT, "emergency-override", "break-glass",
                p.decide(requestFor("ETREAT", true, DataClass.IMAGING_STUDY), List.of(), NOW));
        assertDecision(Decision.PERMIT, "emergency-override", "break-glass",
                p.decide(requestFor("ETREAT", true, DataClass.IMAGING_REPORT), deny, NOW));
    }

    @Test
    void decide_breakGlassOnlyWithoutEmergency_denies() {
        ConsentPolicy p = new ConsentPolicy(new JurisdictionPolicy(RegionPolicy.BREAK_GLASS_ONLY, RegionPolicy.OPT_IN, true));
        assertDecision(Decision.DENY, "break-glass-only", "region-break-glass-only",
                p.decide(requestFor("TREAT", true, DataClass.IMAGING_STUDY), List.of(), NOW));
        assertDecision(Decision.DENY, "break-glass-only", "region-break-glass-only",
                p.decide(requestFor("ETREAT", false, DataClass.IMAGING_STUDY), List.of(), NOW));
    }

    @Test
    void decide_breakGlassRefusedByJurisdiction_isAnOrdinaryRequest() {
        ConsentPolicy p = new ConsentPolicy(new JurisdictionPolicy(RegionPolicy.OPT_IN, RegionPolicy.OPT_IN, false));
        assertDecision(Decision.DENY, "opt-in-no-consent", "region-opt-in",
                p.decide(requestFor("ETREAT", true, DataClass.IMAGING_STUDY), List.of(), NOW));
    }

    @Test
    void decide_breakGlassNeverNeededByTheCustodian() {
        ConsentPolicy p = new ConsentPolicy(new JurisdictionPolicy(RegionPolicy.OPT_IN, RegionPolicy.OPT_IN, true));
        ConsentRequest own = new ConsentRequest("1CT1", "", "hospital-a", "NL", "radiologist-a", "ETREAT",
                DataClass.IMAGING_STUDY, "hospital-a", true);
        assertDecision(Decision.PERMIT, "custodian", "custodian", p.decide(own, List.of(), NOW));
    }
}
