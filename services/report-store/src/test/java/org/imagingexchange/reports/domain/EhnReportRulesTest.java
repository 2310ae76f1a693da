package org.imagingexchange.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.imagingexchange.kit.problem.ProblemException.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EhnReportRulesTest {

    static final String UID = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private final EhnReportRules rules = new EhnReportRules();

    static ReportSubmission complete() {
        return new ReportSubmission(List.of(), "DiagnosticReport", false, new PatientIdentifier("", "1CT1"),
                List.of("Dr. Eva Jansen"), "final", "2004-01-19T09:15:00+01:00", Instant.parse("2004-01-19T08:15:00Z"),
                List.of(new Coding(Coding.LOINC, "18748-4")),
                List.of(new UidReference("DiagnosticReport.identifier[0]", StudyInstanceUid.SYSTEM, "urn:oid:" + UID)),
                List.of("ACC-1"), List.of(new Coding(Coding.DICOM_DCM, "CT")), "No acute abnormality.");
    }

    static ReportSubmission with(UnaryOperator<Object[]> change) {
        ReportSubmission c = complete();
        Object[] f = {c.patient(), c.authors(), c.status(), c.reportDateTime(), c.codes(), c.studyUids(), c.modalities(), c.conclusion()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        ReportSubmission s = new ReportSubmission(List.of(), c.basePath(), false, (PatientIdentifier) f[0], (List<String>) f[1],
                (String) f[2], (String) f[3], c.issued(), (List<Coding>) f[4], (List<UidReference>) f[5], c.accessionNumbers(),
                (List<Coding>) f[6], (String) f[7]);
        return s;
    }

    static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    static Stream<Arguments> missingElements() {
        return Stream.of(
                Arguments.of("A.1.1", "DiagnosticReport.subject.identifier", set(0, null)),
                Arguments.of("A.1.5", "DiagnosticReport.performer", set(1, List.of())),
                Arguments.of("A.1.8.2", "DiagnosticReport.status", set(2, null)),
                Arguments.of("A.1.8.2", "DiagnosticReport.status", set(2, "done")),
                Arguments.of("A.1.8.3", "DiagnosticReport.issued", set(3, null)),
                Arguments.of("A.1.8.1", "DiagnosticReport.code", set(4, List.of())),
                Arguments.of("A.1.8.1", "DiagnosticReport.code.coding", set(4, List.of(new Coding("http://snomed.info/sct", "363680008")))),
                Arguments.of("A.1.8.10", "DiagnosticReport.identifier", set(5, List.of())),
                Arguments.of("A.1.8.10", "DiagnosticReport.identifier[0].value",
                        set(5, List.of(new UidReference("DiagnosticReport.identifier[0]", StudyInstanceUid.SYSTEM, "urn:oid:1.02.3")))),
                Arguments.of("A.5.1.1", "DiagnosticReport.category", set(6, List.of())),
                Arguments.of("A.5.1.1", "DiagnosticReport.category", set(6, List.of(new Coding("http://snomed.info/sct", "77477000")))),
                Arguments.of("A.5.5", "DiagnosticReport.conclusion", set(7, null)),
                Arguments.of("A.5.5", "DiagnosticReport.conclusion", set(7, "  ")));
    }

    @Test
    void check_completeReport_noIssue() {
        assertEquals(List.of(), rules.check(complete()));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("missingElements")
    void check_elementMissingOrInvalid_oneNamedIssue(String elementId, String location, UnaryOperator<Object[]> change) {
        List<Issue> issues = rules.check(with(change));
        assertEquals(1, issues.size(), "exactly one issue expected, got " + issues);
        assertEquals(location, issues.get(0).location(), "issue location");
        assertTrue(issues.get(0).message().startsWith("eHN " + elementId + " "),
                "message should name eHN element " + elementId + ": " + issues.get(0).message());
    }

    @Test
    void check_everythingMissing_allIssuesTogether() {
        ReportSubmission empty = new ReportSubmission(List.of(), "DiagnosticReport", false, null, List.of(), null, null, null,
                List.of(), List.of(), List.of(), List.of(), null);
        List<String> ids = rules.check(empty).stream().map(i -> i.message().split(" ")[1]).toList();
        assertEquals(List.of("A.1.1", "A.1.5", "A.1.8.1", "A.1.8.2", "A.1.8.3", "A.1.8.10", "A.5.1.1", "A.5.5"), ids);
    }

    @Test
    void check_oneValidAndOneMalformedUid_malformedNamed() {
        ReportSubmission s = with(set(5, List.of(
                new UidReference("DiagnosticReport.identifier[0]", StudyInstanceUid.SYSTEM, "urn:oid:" + UID),
                new UidReference("DiagnosticReport.imagingStudy[0].identifier", StudyInstanceUid.SYSTEM, UID))));
        List<Issue> issues = rules.check(s);
        assertEquals(1, issues.size(), issues.toString());
        assertEquals("DiagnosticReport.imagingStudy[0].identifier.value", issues.get(0).location());
    }

    @Test
    void check_otherLoincReportType_accepted() {
        assertEquals(List.of(), rules.check(with(set(4, List.of(new Coding(Coding.LOINC, "18747-6"))))));
    }

    @Test
    void check_bundleForm_formIssuesFirstAndBundleLocations() {
        ReportSubmission c = complete();
        ReportSubmission s = new ReportSubmission(List.of(new Issue("Bundle.type", "eHN A.1.8 Document metadata: not a document")),
                "Bundle.entry.resource.ofType(DiagnosticReport)", true, c.patient(), c.authors(), c.status(),
                c.reportDateTime(), c.issued(), c.codes(), c.studyUids(), c.accessionNumbers(), c.modalities(), null);
        List<Issue> issues = rules.check(s);
        assertEquals(List.of("Bundle.type", "Bundle.entry.resource.ofType(DiagnosticReport).conclusion"),
                issues.stream().map(Issue::location).toList());
    }

    @Test
    void validate_incomplete_throws422WithIssues() {
        ReportValidationException e = assertThrows(ReportValidationException.class, () -> rules.validate(with(set(7, null))));
        assertEquals(422, e.status());
        assertEquals(1, e.issues().size());
    }
}
