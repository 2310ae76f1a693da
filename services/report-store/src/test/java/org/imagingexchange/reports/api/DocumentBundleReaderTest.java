package org.imagingexchange.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.kit.problem.ProblemException.Issue;
import org.imagingexchange.reports.domain.EhnReportRules;
import org.imagingexchange.reports.domain.PatientIdentifier;
import org.junit.jupiter.api.Test;

class DocumentBundleReaderTest {

    static final FhirCodec CODEC = ReportFhirMapperTest.CODEC;

    @Test
    void read_documentedBundle_standAloneReportWithContainedPatientAndCompositionAuthor() {
        Bundle bundle = CODEC.parse(ReportFhirMapperTest.example("document-bundle-ct.json"), Bundle.class);
        DocumentBundleReader.Intake intake = DocumentBundleReader.read(bundle);
        assertEquals(List.of(), new EhnReportRules().check(intake.submission()));
        assertEquals(new PatientIdentifier("", "1CT1"), intake.submission().patient());
        assertEquals(1, intake.submission().authors().size(), "Composition.author became the performer");
        String json = CODEC.encode(intake.report());
        DiagnosticReport reparsed = CODEC.parse(json, DiagnosticReport.class);
        assertEquals(new PatientIdentifier("", "1CT1"), ReportFhirMapper.patient(reparsed), "encoded form keeps the contained patient: " + json);
        assertTrue(reparsed.getPerformerFirstRep().getReference().startsWith("#"), json);
        assertEquals(2, reparsed.getContained().size(), json);
    }

    @Test
    void read_collectionWithoutComposition_formIssuesAndNoReport() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        List<String> locations = new EhnReportRules().check(DocumentBundleReader.read(bundle).submission())
                .stream().map(Issue::location).toList();
        assertEquals("Bundle.type", locations.get(0));
        assertEquals("Bundle.entry[0].resource", locations.get(1));
        assertEquals(DocumentBundleReader.REPORT_PATH, locations.get(2));
        assertTrue(locations.contains(DocumentBundleReader.REPORT_PATH + ".conclusion"), locations.toString());
    }
}
