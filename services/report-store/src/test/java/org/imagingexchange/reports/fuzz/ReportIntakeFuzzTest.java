package org.imagingexchange.reports.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.imagingexchange.kit.problem.ProblemException;
import org.imagingexchange.reports.api.DocumentBundleReader;
import org.imagingexchange.reports.api.FhirCodec;
import org.imagingexchange.reports.api.ReportFhirMapper;
import org.imagingexchange.reports.domain.EhnReportRules;

/**
 * Fuzzes the report store's FHIR intake: a {@code POST /fhir/DiagnosticReport} or a document
 * {@code POST /fhir/Bundle} parsed by HAPI, reduced to the eHN report facts and checked by the eHN rules.
 * The only acceptable failure is a 4xx problem (400 not FHIR, 422 naming the eHN element); anything else
 * is a finding.
 */
class ReportIntakeFuzzTest {

    private static final FhirCodec FHIR = new FhirCodec();
    private static final EhnReportRules RULES = new EhnReportRules();

    @FuzzTest(maxExecutions = 1_000_000)
    void intake_anyBody_reportOr4xx(FuzzedDataProvider data) {
        boolean bundle = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        try {
            if (bundle) {
                DocumentBundleReader.Intake intake = DocumentBundleReader.read(FHIR.parse(body, Bundle.class));
                RULES.check(intake.submission());
            } else {
                RULES.check(ReportFhirMapper.toSubmission(FHIR.parse(body, DiagnosticReport.class), "DiagnosticReport",
                        List.of(), false));
            }
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
        }
    }
}
