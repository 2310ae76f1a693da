package org.imagingexchange.reports.api.hl7v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.api.ReportFhirMapper;
import org.imagingexchange.reports.domain.EhnReportRules;
import org.imagingexchange.reports.domain.ReportSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OruR01MapperTest {

    private static final Hl7v2Parser PARSER = new Hl7v2Parser();

    static OruR01Mapper.Mapped map(OruMessages message) {
        try {
            return OruR01Mapper.map((ORU_R01) PARSER.parse(message.er7()), ZoneOffset.UTC);
        } catch (HL7Exception e) {
            throw new AssertionError("fixture does not parse: " + e.getMessage(), e);
        }
    }

    static DiagnosticReport mapped(OruMessages message) {
        OruR01Mapper.Mapped m = map(message);
        assertEquals(List.of(), m.errors(), "no findings expected");
        return m.report();
    }

    static V2Error onlyError(OruMessages message) {
        List<V2Error> errors = map(message).errors();
        assertEquals(1, errors.size(), "exactly one finding expected: " + errors);
        return errors.get(0);
    }

    @Test
    void map_completeCtReport_carriesEveryElementAndPassesTheEhnRules() {
        DiagnosticReport report = mapped(OruMessages.ctReport("C1"));

        assertEquals("final", report.getStatusElement().getValueAsString());
        assertEquals("1CT1", report.getSubject().getIdentifier().getValue());
        assertEquals("urn:oid:" + OruMessages.AUTHORITY_OID, report.getSubject().getIdentifier().getSystem());
        assertEquals(List.of("18748-4", "24627-2"), report.getCode().getCoding().stream().map(c -> c.getCode()).toList());
        assertEquals("http://loinc.org", report.getCode().getCoding().get(1).getSystem());
        assertTrue(report.getIdentifier().stream().anyMatch(i -> "urn:dicom:uid".equals(i.getSystem())
                && ("urn:oid:" + OruMessages.STUDY_UID).equals(i.getValue())), "Study Instance UID identifier");
        assertEquals("FIL-2001", typed(report.getIdentifier(), "FILL").getValue());
        List<Identifier> basedOn = report.getBasedOn().stream().map(Reference::getIdentifier).toList();
        assertEquals("PLC-1001", typed(basedOn, "PLAC").getValue());
        assertEquals("RIS_A", typed(basedOn, "PLAC").getAssigner().getDisplay());
        assertEquals("ACC-3001", typed(basedOn, "ACSN").getValue());
        assertEquals("2026-12-02T09:14:00.000Z", report.getIssuedElement().getValueAsCalendar().toInstant().toString().replace("Z", ".000Z"));
        assertEquals("2004-01-19T07:27:30Z", report.getEffectiveDateTimeType().getValue().toInstant().toString());
        assertEquals("No acute cardiopulmonary abnormality.", report.getConclusion());
        assertEquals("Anna Radiologist", report.getResultsInterpreterFirstRep().getDisplay());
        assertTrue(report.getCategory().stream().anyMatch(c -> c.hasCoding("http://dicom.nema.org/resources/ontology/DCM", "CT")));

        Composition composition = (Composition) report.getContained().stream().filter(r -> r instanceof Composition).findFirst().orElseThrow();
        assertEquals(List.of("59776-5", "19005-8", "18783-1"),
                composition.getSection().stream().map(s -> s.getCode().getCodingFirstRep().getCode()).toList());
        assertTrue(new FhirCodec().encode(report).contains("No pleural effusion."), "findings text in the stored JSON");
        assertEquals("#composition", ((Reference) report.getExtensionByUrl(ReportSections.COMPOSITION_EXTENSION).getValue()).getReference());

        assertEquals("application/pdf", report.getPresentedForm().get(0).getContentType());
        assertArrayEquals(Base64.getDecoder().decode(OruMessages.PDF_BASE64), report.getPresentedForm().get(0).getData());
        assertEquals("text/plain; charset=utf-8", report.getPresentedForm().get(1).getContentType());

        ReportSubmission facts = ReportFhirMapper.toSubmission(report, "DiagnosticReport", List.of(), false);
        assertEquals(List.of(), new EhnReportRules().check(facts), "the stored form meets the store's eHN rules");
        assertEquals(List.of("ACC-3001"), facts.accessionNumbers());
        assertEquals(OruMessages.STUDY_UID, facts.validStudyUids().get(0).value());
    }

    @ParameterizedTest
    @CsvSource({"F,final", "P,preliminary", "C,corrected", "X,cancelled", "R,partial", "S,partial", "I,registered", "O,registered"})
    void map_resultStatus_becomesReportStatus(String obr25, String status) {
        assertEquals(status, mapped(OruMessages.ctReport("S").with("OBR-25", obr25)).getStatusElement().getValueAsString());
    }

    @Test
    void map_version23WithZdsStudyUid_readsTheSameModel() {
        OruMessages v23 = OruMessages.ctReport("V23").with("MSH-12", "2.3").with("MSH-9", "ORU^R01").without("OBX|5|")
                .plus("ZDS|" + OruMessages.STUDY_UID + "^RIS_A^Application^DICOM");
        DiagnosticReport report = mapped(v23);
        assertEquals("urn:oid:" + OruMessages.STUDY_UID, report.getIdentifier().stream()
                .filter(i -> "urn:dicom:uid".equals(i.getSystem())).findFirst().orElseThrow().getValue());
    }

    @Test
    void map_studyUidBySuffix_isRead() {
        DiagnosticReport report = mapped(OruMessages.ctReport("IUID").without("OBX|5|")
                .plus("OBX|5|ST|24627-2&IUID^Study Instance UID^LN|1|" + OruMessages.STUDY_UID));
        assertTrue(report.getIdentifier().stream().anyMatch(i -> i.getValue().endsWith(OruMessages.STUDY_UID)));
    }

    @Test
    void map_namespaceOnlyAuthority_keepsItAsAssignerWithoutSystem() {
        DiagnosticReport report = mapped(OruMessages.ctReport("NS").with("PID-3", "1CT1^^^HOSPITAL_A^MR"));
        assertEquals("1CT1", report.getSubject().getIdentifier().getValue());
        assertFalse(report.getSubject().getIdentifier().hasSystem(), "no system from a namespace alone");
    }

    @Test
    void map_referencePointer_becomesAttachmentUrl() {
        DiagnosticReport report = mapped(OruMessages.ctReport("RP").without("OBX|4|")
                .plus("OBX|4|RP|24627-2&PDF^Report^LN|1|https://ris.example/reports/ACC-3001.pdf^RIS_A^AP^PDF"));
        assertEquals("https://ris.example/reports/ACC-3001.pdf", report.getPresentedFormFirstRep().getUrl());
        assertEquals("application/pdf", report.getPresentedFormFirstRep().getContentType());
    }

    @Test
    void map_withoutPatientId_namesPid3() {
        V2Error e = onlyError(OruMessages.ctReport("E1").with("PID-3", ""));
        assertEquals("PID-3", e.locationName());
        assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.code());
    }

    @Test
    void map_unknownResultStatus_namesObr25AsTableValue() {
        V2Error e = onlyError(OruMessages.ctReport("E2").with("OBR-25", "Q"));
        assertEquals("OBR-25", e.locationName());
        assertEquals(ErrorCode.TABLE_VALUE_NOT_FOUND, e.code());
    }

    @Test
    void map_withoutStudyUid_namesZds1() {
        V2Error e = onlyError(OruMessages.ctReport("E3").without("OBX|5|"));
        assertEquals("ZDS-1", e.locationName());
        assertTrue(e.text().startsWith("eHN A.1.8.10"), e.text());
    }

    @Test
    void map_malformedStudyUid_namesTheObx() {
        V2Error e = onlyError(OruMessages.ctReport("E4").without("OBX|5|").plus("OBX|5|ST|113014^Study^DCM|1|1.02.3"));
        assertEquals(new V2Error("OBX", 5, 5, ErrorCode.DATA_TYPE_ERROR, e.text()), e);
    }

    @Test
    void map_withoutImpression_namesObx3() {
        V2Error e = onlyError(OruMessages.ctReport("E5").without("OBX|2|"));
        assertEquals("OBX-3", e.locationName());
        assertTrue(e.text().contains("A.5.5"), e.text());
    }

    @Test
    void map_serviceSectionWithoutModality_namesObr24() {
        V2Error e = onlyError(OruMessages.ctReport("E6").with("OBR-24", "RAD"));
        assertEquals("OBR-24", e.locationName());
        assertEquals(ErrorCode.TABLE_VALUE_NOT_FOUND, e.code());
    }

    @Test
    void map_withoutInterpreter_namesObr32() {
        assertEquals("OBR-32", onlyError(OruMessages.ctReport("E7").with("OBR-32", "")).locationName());
    }

    @Test
    void map_impossibleReportDate_namesObr22() {
        V2Error e = onlyError(OruMessages.ctReport("E8").with("OBR-22", "20261345101400"));
        assertEquals("OBR-22", e.locationName());
        assertEquals(ErrorCode.DATA_TYPE_ERROR, e.code());
    }

    @Test
    void map_birthDateWithALetter_namesPid7() {
        V2Error e = onlyError(OruMessages.ctReport("E11").with("PID-7", "1970010?"));
        assertEquals("PID-7", e.locationName());
        assertEquals(ErrorCode.DATA_TYPE_ERROR, e.code());
    }

    @Test
    void map_birthDate_isThePatientsBirthDate() {
        assertEquals("1970-01-01", ((org.hl7.fhir.r4.model.Patient) mapped(OruMessages.ctReport("B1")).getContained().get(0))
                .getBirthDateElement().getValueAsString());
    }

    @Test
    void map_malformedBase64_namesObx5() {
        V2Error e = onlyError(OruMessages.ctReport("E9").without("OBX|4|").plus("OBX|4|ED|24627-2&PDF^PDF^LN|1|RIS_A^AP^PDF^Base64^%%%"));
        assertEquals(new V2Error("OBX", 5, 5, ErrorCode.DATA_TYPE_ERROR, e.text()), e);
    }

    @Test
    void map_withoutObr_isASegmentSequenceError() {
        List<V2Error> errors = map(OruMessages.ctReport("E10").without("OBR|").without("OBX|").without("ORC|")).errors();
        assertEquals(ErrorCode.SEGMENT_SEQUENCE_ERROR, errors.get(0).code(), errors.toString());
    }

    private static Identifier typed(List<Identifier> ids, String type) {
        return ids.stream().filter(i -> i.getType().getCoding().stream().anyMatch(c -> type.equals(c.getCode())))
                .findFirst().orElseThrow(() -> new AssertionError("no identifier of type " + type + " in " + ids));
    }
}
