package org.imagingexchange.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.kit.problem.BadRequestProblem;
import org.imagingexchange.reports.domain.Coding;
import org.imagingexchange.reports.domain.EhnReportRules;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.imagingexchange.reports.domain.ReportSubmission;
import org.imagingexchange.reports.domain.StudyInstanceUid;
import org.junit.jupiter.api.Test;

class ReportFhirMapperTest {

    static final FhirCodec CODEC = new FhirCodec();
    static final String CT_UID = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";

    static String example(String name) {
        try (InputStream in = ReportFhirMapperTest.class.getResourceAsStream("/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReportSubmission facts(String json) {
        return ReportFhirMapper.toSubmission(CODEC.parse(json, DiagnosticReport.class), "DiagnosticReport", List.of(), false);
    }

    @Test
    void toSubmission_documentedCtExample_allEhnFactsAndNoIssue() {
        ReportSubmission s = facts(example("diagnostic-report-ct.json"));
        assertEquals(new PatientIdentifier("", "1CT1"), s.patient());
        assertEquals(List.of(new StudyInstanceUid(CT_UID)), s.validStudyUids());
        assertEquals(List.of("ACC-1CT1-0001"), s.accessionNumbers());
        assertEquals(List.of(new Coding(Coding.DICOM_DCM, "CT")), s.modalities());
        assertEquals(2, s.authors().size(), "contained Practitioner and Organization are authors");
        assertEquals("final", s.status());
        assertEquals("2004-01-19T09:15:00+01:00", s.reportDateTime());
        assertEquals(List.of(), new EhnReportRules().check(s));
    }

    @Test
    void toSubmission_containedPatient_identifierFromContainedResource() {
        String json = """
                {"resourceType":"DiagnosticReport","contained":[{"resourceType":"Patient","id":"p",
                 "identifier":[{"system":"urn:oid:1.2.3","value":"4MR1"}]}],"status":"final",
                 "code":{"text":"MR report"},"subject":{"reference":"#p"}}""";
        ReportSubmission s = facts(json);
        assertEquals(new PatientIdentifier("urn:oid:1.2.3", "4MR1"), s.patient());
        assertEquals(List.of(new Coding("", "MR report")), s.codes(), "text-only code kept without system");
    }

    @Test
    void toSubmission_unknownStatusCode_keptRawForTheRules() {
        ReportSubmission s = facts("{\"resourceType\":\"DiagnosticReport\",\"status\":\"done\",\"code\":{}}");
        assertEquals("done", s.status());
    }

    @Test
    void toSubmission_effectivePeriodOnly_reportDateTimeFromStart() {
        ReportSubmission s = facts("{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\",\"code\":{},"
                + "\"effectivePeriod\":{\"start\":\"2024-05-01T10:00:00Z\"}}");
        assertEquals("2024-05-01T10:00:00Z", s.reportDateTime());
        assertNull(s.issued());
    }

    @Test
    void toSubmission_imagingStudyIdentifierOnly_uidAndLocation() {
        ReportSubmission s = facts("{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\",\"code\":{},"
                + "\"imagingStudy\":[{\"identifier\":{\"system\":\"urn:dicom:uid\",\"value\":\"urn:oid:1.2.3\"}}]}");
        assertEquals("DiagnosticReport.imagingStudy[0].identifier", s.studyUids().get(0).location());
        assertEquals(List.of(new StudyInstanceUid("1.2.3")), s.validStudyUids());
    }

    @Test
    void parse_malformedJson_400() {
        BadRequestProblem e = assertThrows(BadRequestProblem.class, () -> CODEC.parse("{\"resourceType\":", DiagnosticReport.class));
        assertEquals(400, e.status());
    }

    @Test
    void parse_wrongResourceType_400NamingTheType() {
        BadRequestProblem e = assertThrows(BadRequestProblem.class,
                () -> CODEC.parse("{\"resourceType\":\"Patient\"}", DiagnosticReport.class));
        assertTrue(e.detail().contains("Patient"), e.detail());
    }

    @Test
    void renderer_storedJson_hasIdVersionAndLastUpdated() {
        DiagnosticReport report = CODEC.parse(example("diagnostic-report-ct.json"), DiagnosticReport.class);
        String json = StoredResources.renderer(CODEC, report).render("abc", 1, java.time.Instant.parse("2024-01-01T00:00:00Z"));
        DiagnosticReport stored = CODEC.parse(json, DiagnosticReport.class);
        assertEquals("abc", stored.getIdElement().getIdPart());
        assertEquals("1", stored.getMeta().getVersionId());
        assertEquals(List.of(), new EhnReportRules().check(ReportFhirMapper.toSubmission(stored, "DiagnosticReport", List.of(), false)),
                "the stored form still meets the rules (contained references intact)");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
            "\"issued\":\"2026-13-45\"; DiagnosticReport.issued",
            "\"issued\":20260101; DiagnosticReport.issued",
            "\"issued\":\"20260-01-01T10:00:00Z\"; DiagnosticReport.issued",
            "\"effectiveDateTime\":\"2026-99-99\"; DiagnosticReport.effectiveDateTime",
            "\"effectivePeriod\":{\"start\":\"2026-02-30\"}; DiagnosticReport.effectivePeriod.start"})
    void toSubmission_impossibleDate_issueNamingTheElementNotAnException(String member, String location) {
        ReportSubmission s = facts(example("diagnostic-report-ct.json")
                .replace("\"issued\": \"2004-01-19T09:15:00+01:00\"", "\"x\":1")
                .replace("\"effectiveDateTime\": \"2004-01-19T07:27:30+01:00\"", member));
        List<String> locations = new EhnReportRules().check(s).stream().map(i -> i.location()).toList();
        assertEquals(List.of(location), locations, "one issue at the invalid date element");
        assertNull(s.issued());
    }

    @Test
    void authorOrganizations_documentedExample_containedCustodianOrganization() {
        DiagnosticReport report = CODEC.parse(example("diagnostic-report-ct.json"), DiagnosticReport.class);
        assertEquals(java.util.Set.of("hospital-a"), AuthorOrganizations.of(report));
    }

    @Test
    void authorOrganizations_identifierOnReferenceAndPractitionerRole_allNamed() {
        DiagnosticReport report = CODEC.parse("""
                {"resourceType":"DiagnosticReport",
                 "contained":[{"resourceType":"PractitionerRole","id":"role","organization":{"reference":"#org"}},
                              {"resourceType":"Organization","id":"org","identifier":[{"system":"urn:imaging-exchange:organization-id","value":"hospital-c"}]}],
                 "performer":[{"reference":"#role"}],
                 "resultsInterpreter":[{"identifier":{"system":"urn:imaging-exchange:organization-id","value":"hospital-b"}}]}""",
                DiagnosticReport.class);
        assertEquals(java.util.Set.of("hospital-b", "hospital-c"), AuthorOrganizations.of(report));
    }

    @Test
    void authorOrganizations_documentBundle_compositionCustodianNamed() {
        org.hl7.fhir.r4.model.Bundle bundle = CODEC.parse(example("document-bundle-ct.json"), org.hl7.fhir.r4.model.Bundle.class);
        org.hl7.fhir.r4.model.Composition c = (org.hl7.fhir.r4.model.Composition) bundle.getEntryFirstRep().getResource();
        c.getCustodian().getIdentifier().setSystem(AuthorOrganizations.ORGANIZATION_SYSTEM).setValue("hospital-a");
        assertEquals(java.util.Set.of("hospital-a"), AuthorOrganizations.of(bundle));
    }
}
