package org.imagingexchange.consent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.imagingexchange.consent.client.DataClass;
import org.imagingexchange.consent.client.Decision;
import org.imagingexchange.consent.domain.ConsentDirective;
import org.imagingexchange.consent.domain.ConsentStatus;
import org.imagingexchange.consent.domain.InvalidConsentException;
import org.imagingexchange.kit.fhir.FhirBase;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.imagingexchange.kit.problem.ProblemException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FhirConsentMapperTest {

    private static FhirJson fhir;

    @BeforeAll
    static void context() {
        fhir = new FhirJson();
        fhir.init();
    }

    private static final String FULL = """
            {"resourceType":"Consent","status":"active",
             "scope":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/consentscope","code":"patient-privacy"}]},
             "category":[{"coding":[{"system":"http://loinc.org","code":"59284-0"}]}],
             "patient":{"identifier":{"system":"urn:oid:1.2.3","value":"1CT1"}},
             "provision":{"type":"permit",
               "period":{"start":"2026-01-01T00:00:00Z","end":"2026-12-31T23:59:59Z"},
               "actor":[
                 {"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP"}]},
                  "reference":{"type":"Organization","identifier":{"system":"urn:imaging-exchange:organization-id","value":"hospital-b"}}},
                 {"role":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP"}]},
                  "reference":{"type":"Organization","identifier":{"system":"urn:iso:std:iso:3166","value":"be"}}}],
               "class":[{"system":"urn:imaging-exchange:data-class","code":"imaging-report"}]}}
            """;

    private static Consent consent(String json) {
        return fhir.parse(json, Consent.class);
    }

    private static List<String> locations(String json) {
        InvalidConsentException e = assertThrows(InvalidConsentException.class,
                () -> FhirConsentMapper.toDirective(consent(json)));
        assertEquals(422, e.status(), "an unenforceable Consent is 422");
        return e.issues().stream().map(ProblemException.Issue::location).toList();
    }

    @Test
    void toDirective_fullConsent_mapsEveryCriterion() {
        ConsentDirective d = FhirConsentMapper.toDirective(consent(FULL));

        assertEquals("1CT1", d.patientId());
        assertEquals("urn:oid:1.2.3", d.patientIdIssuer());
        assertEquals(Decision.PERMIT, d.provision());
        assertEquals(ConsentStatus.ACTIVE, d.status());
        assertEquals("hospital-b", d.organizationId());
        assertEquals("BE", d.country(), "country upper-cased");
        assertEquals(DataClass.IMAGING_REPORT, d.dataClass());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), d.periodStart());
        assertEquals(Instant.parse("2026-12-31T23:59:59Z"), d.periodEnd());
    }

    @Test
    void toDirective_minimalDeny_leavesCriteriaOpen() {
        ConsentDirective d = FhirConsentMapper.toDirective(consent("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"4MR1"}},
                 "provision":{"type":"deny"}}"""));

        assertEquals(Decision.DENY, d.provision());
        assertEquals("", d.patientIdIssuer(), "no system, empty issuer");
        assertNull(d.organizationId());
        assertNull(d.country());
        assertNull(d.dataClass());
        assertNull(d.periodStart());
    }

    @Test
    void toDirective_missingStatusPatientAndType_reportsEachElement() {
        List<String> at = locations("""
                {"resourceType":"Consent","patient":{"reference":"Patient/1"},"provision":{}}""");

        assertEquals(List.of("Consent.status", "Consent.patient.identifier.value", "Consent.provision.type"), at);
    }

    @Test
    void parse_unknownStatusCode_isBadRequestNamingTheElement() {
        BadRequestProblem e = assertThrows(BadRequestProblem.class, () -> consent("""
                {"resourceType":"Consent","status":"bogus","patient":{"identifier":{"value":"1CT1"}},"provision":{"type":"permit"}}"""));

        assertTrue(e.detail().contains("status"), "names the element: " + e.detail());
    }

    @Test
    void parse_unknownProvisionType_isBadRequestNamingTheElement() {
        BadRequestProblem e = assertThrows(BadRequestProblem.class, () -> consent("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},"provision":{"type":"maybe"}}"""));

        assertTrue(e.detail().contains("type"), "names the element: " + e.detail());
    }

    @Test
    void toDirective_actorWithUnknownSystem_isRejected() {
        assertEquals(List.of("Consent.provision.actor[0].reference.identifier"), locations("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","actor":[{"reference":{"identifier":{"system":"urn:other","value":"x"}}}]}}"""));
    }

    @Test
    void toDirective_countryNotAlpha2_isRejected() {
        assertEquals(List.of("Consent.provision.actor[0].reference.identifier"), locations("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","actor":[{"reference":{"identifier":{"system":"urn:iso:std:iso:3166","value":"BEL"}}}]}}"""));
    }

    @Test
    void toDirective_unknownDataClass_isRejected() {
        assertEquals(List.of("Consent.provision.class[0].code"), locations("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","class":[{"system":"urn:imaging-exchange:data-class","code":"lab-result"}]}}"""));
    }

    @Test
    void toDirective_purposes_mappedFromV3ActReason() {
        ConsentDirective d = FhirConsentMapper.toDirective(consent("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","purpose":[
                   {"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"TREAT"},
                   {"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"HRESCH"}]}}"""));

        assertEquals(java.util.Set.of("TREAT", "HRESCH"), d.purposes());
        assertTrue(d.coversPurpose("ETREAT"), "treatment covers emergency treatment");
        assertTrue(!d.coversPurpose("HPAYMT"));
    }

    @Test
    void toDirective_purposeOfOtherSystemOrUnknownCode_isRejected() {
        assertEquals(List.of("Consent.provision.purpose[0].system", "Consent.provision.purpose[1].code"), locations("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","purpose":[{"system":"urn:other","code":"TREAT"},
                   {"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"SHOPPING"}]}}"""));
    }

    @Test
    void toDirective_periodEndBeforeStart_isRejected() {
        assertEquals(List.of("Consent.provision.period"), locations("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","period":{"start":"2026-02-01","end":"2026-01-01"}}}"""));
    }

    @Test
    void toDirective_nestedProvision_isRejected() {
        assertEquals(List.of("Consent.provision.provision"), locations("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},
                 "provision":{"type":"permit","provision":[{"type":"deny"}]}}"""));
    }

    @Test
    void completeForStorage_minimalConsent_setsIdMetaScopeAndCategory() {
        Consent c = consent("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},"provision":{"type":"permit"}}""");
        ConsentDirective stored = FhirConsentMapper.toDirective(c)
                .stored("abc-1", "hospital-a", Instant.parse("2026-06-01T10:00:00Z"), null);

        Consent out = fhir.parseStored(fhir.encode(FhirConsentMapper.completeForStorage(c, stored)), Consent.class);

        assertEquals("abc-1", out.getIdElement().getIdPart());
        assertEquals("1", out.getMeta().getVersionId());
        assertEquals(Instant.parse("2026-06-01T10:00:00Z"), out.getMeta().getLastUpdated().toInstant());
        assertEquals("patient-privacy", out.getScope().getCodingFirstRep().getCode());
        assertEquals("59284-0", out.getCategoryFirstRep().getCodingFirstRep().getCode());
    }

    @Test
    void searchset_storedDirective_fullUrlAndSelfUnderPublicBase() {
        Consent c = consent("""
                {"resourceType":"Consent","status":"active","patient":{"identifier":{"value":"1CT1"}},"provision":{"type":"permit"}}""");
        ConsentDirective directive = FhirConsentMapper.toDirective(c);
        ConsentDirective stored = directive.stored("abc-2", "hospital-a", Instant.parse("2026-06-01T10:00:00Z"),
                fhir.encode(FhirConsentMapper.completeForStorage(c, directive.stored("abc-2", "hospital-a",
                        Instant.parse("2026-06-01T10:00:00Z"), null))));
        FhirBase base = new FhirBase("https://exchange.region.invalid/fhir");

        Bundle bundle = FhirConsentMapper.searchset(List.of(stored), 1, null, fhir, base, "patient:identifier=urn%3Aoid%3A1.2%7C1CT1");

        assertEquals(1, bundle.getTotal());
        assertEquals("https://exchange.region.invalid/fhir/Consent/abc-2", bundle.getEntryFirstRep().getFullUrl(),
                "fullUrl is [public base]/Consent/[id]");
        assertEquals("https://exchange.region.invalid/fhir/Consent?patient:identifier=urn%3Aoid%3A1.2%7C1CT1",
                bundle.getLink("self").getUrl(), "self keeps the client's raw query");
    }

    @Test
    void parse_otherResourceType_isBadRequest() {
        BadRequestProblem e = assertThrows(BadRequestProblem.class,
                () -> fhir.parse("{\"resourceType\":\"Patient\"}", Consent.class));

        assertTrue(e.detail().contains("Consent"), "names the expected type: " + e.detail());
    }

    @Test
    void parse_notJson_isBadRequest() {
        assertThrows(BadRequestProblem.class, () -> fhir.parse("status=active", Consent.class));
        assertThrows(BadRequestProblem.class, () -> fhir.parse(" ", Consent.class));
    }
}
