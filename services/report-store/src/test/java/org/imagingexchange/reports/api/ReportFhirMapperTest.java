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
}
